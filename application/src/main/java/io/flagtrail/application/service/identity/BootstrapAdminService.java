package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.BootstrapAdminCommand;
import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;

/** Creates the first ADMIN on an empty installation, audited as a SYSTEM action. */
public final class BootstrapAdminService implements BootstrapAdminUseCase {

    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Origin BOOTSTRAP = new Origin(Actor.system("bootstrap"), RequestContext.system());

    private final Users users;
    private final PasswordHasher hasher;
    private final UserChanges changes;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final AppLogger log;

    public BootstrapAdminService(Users users, PasswordHasher hasher, UserChanges changes,
                                 Transactions transactions, Clock clock, IdGenerator ids, AppLogger log) {
        this.users = users;
        this.hasher = hasher;
        this.changes = changes;
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
            var created = User.register(ids.newId(), email, "Administrator", hasher.hash(password),
                    Set.of(Role.ADMIN), Set.of(), clock.now());
            users.add(created.after());
            changes.record(created, BOOTSTRAP, "initial administrator");
            log.info("initial administrator created", "email", email.value(), "generatedPassword", generate);
            return generate ? Optional.of(new String(password)) : Optional.<String>empty();
        });
    }

    private static char[] generatePassword() {
        char[] password = new char[20];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return password;
    }
}
