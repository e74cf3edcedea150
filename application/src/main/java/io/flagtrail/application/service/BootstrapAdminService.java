package io.flagtrail.application.service;

import io.flagtrail.application.port.in.BootstrapAdminCommand;
import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.event.EventTypes;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates the first ADMIN on an empty installation, audited as a SYSTEM action. */
public final class BootstrapAdminService implements BootstrapAdminUseCase {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Users users;
    private final PasswordHasher hasher;
    private final AuditLedger ledger;
    private final EventPublisher events;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final AppLogger log;

    public BootstrapAdminService(Users users, PasswordHasher hasher, AuditLedger ledger, EventPublisher events,
                                 Transactions transactions, Clock clock, IdGenerator ids, AppLogger log) {
        this.users = users;
        this.hasher = hasher;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.log = log;
    }

    @Override
    public Optional<String> ensureAdmin(BootstrapAdminCommand command) {
        var email = new Email(command.email());
        boolean generate = command.password() == null || command.password().length == 0;
        if (!generate && command.password().length < MIN_PASSWORD_LENGTH) {
            throw InvalidInput.of("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        char[] password = generate ? generatePassword() : command.password();
        return transactions.inTransaction(() -> {
            if (users.count() > 0) {
                return Optional.empty();
            }
            var now = clock.now();
            var admin = new User(ids.newId(), email, "Administrator", hasher.hash(password), Set.of(Role.ADMIN),
                    UserStatus.ACTIVE, now, null);
            users.add(admin);
            var entry = created(admin);
            ledger.append(List.of(entry));
            events.publish(List.of(new DomainEvent(ids.newId(), EventTypes.USER_CREATED, admin.createdAt(),
                    entry.subject(), Map.of("user", withId(admin.id(), entry.after())))));
            log.info("initial administrator created", "email", email.value(), "generatedPassword", generate);
            return generate ? Optional.of(new String(password)) : Optional.<String>empty();
        });
    }

    private AuditEntry created(User admin) {
        var after = new LinkedHashMap<String, Object>();
        after.put("email", admin.email().value());
        after.put("displayName", admin.displayName());
        after.put("roles", List.of(Role.ADMIN.name()));
        after.put("status", admin.status().name());
        return new AuditEntry(ids.newId(), AuditAction.USER_CREATED.category(), AuditAction.USER_CREATED,
                AuditOutcome.SUCCESS, Severity.NOTICE, Actor.system("bootstrap"),
                new Subject("user", admin.id().toString(), admin.email().value()), "initial administrator",
                null, after, FieldChange.between(null, after, Set.of()),
                RequestContext.system(), admin.createdAt());
    }

    private static Map<String, Object> withId(java.util.UUID id, Map<String, Object> user) {
        var withId = new LinkedHashMap<String, Object>();
        withId.put("id", id.toString());
        withId.putAll(user);
        return withId;
    }

    private static char[] generatePassword() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
