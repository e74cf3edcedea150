package io.flagtrail.application.service;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.MyAccountUseCase;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.PasswordBlocklist;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.event.EventTypes;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.PasswordRules;
import io.flagtrail.domain.user.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Users and their own accounts. Every change is recorded (category SECURITY) with the user before and after (never
 * the password hash); disabling a user or changing a password ends every session of that user at once.
 */
public final class UserAccountService implements ManageUsersUseCase, MyAccountUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final Sessions sessions;
    private final AuditLedger ledger;
    private final EventPublisher events;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public UserAccountService(Users users, PasswordHasher hasher, PasswordBlocklist blocklist, Sessions sessions,
                              AuditLedger ledger, EventPublisher events, Transactions transactions, Clock clock,
                              IdGenerator ids) {
        this.users = users;
        this.hasher = hasher;
        this.blocklist = blocklist;
        this.sessions = sessions;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public User create(CreateUserCommand command) {
        try {
            var email = new AtomicReference<Email>();
            new Violations()
                    .include(() -> email.set(new Email(command.email())))
                    .check(command.roles() != null && !command.roles().isEmpty(), "roles",
                            "must name at least one of " + Arrays.toString(Role.values()))
                    .check(command.displayName() == null || command.displayName().length() <= 200, "displayName",
                            "must be at most 200 characters")
                    .include(() -> newPassword(command.password(), "password"))
                    .throwIfAny();
            var user = new User(ids.newId(), email.get(), command.displayName(), hasher.hash(command.password()),
                    command.roles(), UserStatus.ACTIVE, clock.now(), null);
            return transactions.inTransaction(() -> {
                users.add(user);
                record(AuditAction.USER_CREATED, null, user, command.origin());
                publish(EventTypes.USER_CREATED, user);
                return user;
            });
        } finally {
            wipe(command.password());
        }
    }

    @Override
    public Page<User> list(int limit, String cursor) {
        return users.list(Page.limit(limit), cursor);
    }

    @Override
    public User get(UUID id) {
        return users.findById(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public User byEmail(String email) {
        return users.findByEmail(new Email(email))
                .orElseThrow(() -> new NotFound("user.not_found", "no user with e-mail " + email));
    }

    @Override
    public User changeRoles(UUID id, Set<Role> roles, Origin origin) {
        return transactions.inTransaction(() -> {
            var before = get(id);
            // before the new roles are checked: taking ADMIN from the last administrator is a conflict (exit 4, 409)
            // even when it would also leave the user with no role at all
            if (before.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
                keepAnAdmin(before);
            }
            var after = before.withRoles(roles);
            if (after.roles().equals(before.roles())) {
                return before;
            }
            users.update(after);
            var granted = EnumSet.noneOf(Role.class);
            granted.addAll(after.roles());
            granted.removeAll(before.roles());
            var revoked = EnumSet.noneOf(Role.class);
            revoked.addAll(before.roles());
            revoked.removeAll(after.roles());
            granted.forEach(role -> record(AuditAction.ROLE_GRANTED, before, after, origin));
            revoked.forEach(role -> record(AuditAction.ROLE_REVOKED, before, after, origin));
            publish(EventTypes.USER_ROLES_CHANGED, after);
            return after;
        });
    }

    @Override
    public User disable(UUID id, Origin origin) {
        return transactions.inTransaction(() -> {
            var before = get(id);
            if (before.status() == UserStatus.DISABLED) {
                return before;
            }
            if (before.roles().contains(Role.ADMIN)) {
                keepAnAdmin(before);
            }
            var after = before.withStatus(UserStatus.DISABLED);
            users.update(after);
            sessions.revokeAllOf(id, clock.now(), "user disabled");
            record(AuditAction.USER_DISABLED, before, after, origin);
            publish(EventTypes.USER_DISABLED, after);
            return after;
        });
    }

    @Override
    public User enable(UUID id, Origin origin) {
        return transactions.inTransaction(() -> {
            var before = get(id);
            if (before.status() == UserStatus.ACTIVE) {
                return before;
            }
            var after = before.withStatus(UserStatus.ACTIVE);
            users.update(after);
            record(AuditAction.USER_ENABLED, before, after, origin);
            publish(EventTypes.USER_ENABLED, after);
            return after;
        });
    }

    @Override
    public User resetPassword(UUID id, char[] password, Origin origin) {
        try {
            newPassword(password, "password");
            String hash = hasher.hash(password);
            return replacePassword(id, hash, AuditAction.PASSWORD_RESET, origin);
        } finally {
            wipe(password);
        }
    }

    @Override
    public User me(UUID id) {
        return get(id);
    }

    @Override
    public User changePassword(UUID id, char[] currentPassword, char[] newPassword, Origin origin) {
        try {
            var user = get(id);
            if (!hasher.matches(currentPassword, user.passwordHash())) {
                throw InvalidInput.of("currentPassword", "is not your current password");
            }
            newPassword(newPassword, "newPassword");
            return replacePassword(id, hasher.hash(newPassword), AuditAction.PASSWORD_CHANGED, origin);
        } finally {
            wipe(currentPassword);
            wipe(newPassword);
        }
    }

    private User replacePassword(UUID id, String hash, AuditAction action, Origin origin) {
        return transactions.inTransaction(() -> {
            var before = get(id);
            var after = before.withPasswordHash(hash);
            users.update(after);
            sessions.revokeAllOf(id, clock.now(), action == AuditAction.PASSWORD_RESET ? "password reset" : "password changed");
            record(action, before, after, origin);
            return after;
        });
    }

    private void newPassword(char[] password, String field) {
        PasswordRules.check(password, field);
        if (blocklist.contains(password)) {
            throw InvalidInput.of(field, "is a known breached or common password; choose another");
        }
    }

    private void keepAnAdmin(User user) {
        if (user.status() == UserStatus.ACTIVE && users.countActiveWith(Role.ADMIN) <= 1) {
            throw new Conflict("user.last_admin", "the last active administrator keeps the ADMIN role and stays enabled");
        }
    }

    private void record(AuditAction action, User before, User after, Origin origin) {
        var beforeSnapshot = before == null ? null : before.snapshot();
        var afterSnapshot = after.snapshot();
        ledger.append(List.of(AuditEntries.change(ids.newId(), action, Severity.NOTICE, subject(after), null,
                beforeSnapshot, afterSnapshot, origin, clock.now())));
    }

    private void publish(String type, User user) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", user.id().toString());
        payload.putAll(user.snapshot());
        events.publish(List.of(new DomainEvent(ids.newId(), type, clock.now(), subject(user), Map.of("user", payload))));
    }

    private static Subject subject(User user) {
        return new Subject("user", user.id().toString(), user.email().value());
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("user.not_found", "no user " + id);
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
