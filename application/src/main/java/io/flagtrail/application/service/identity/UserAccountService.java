package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.MyAccountUseCase;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.PasswordBlocklist;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.user.PasswordRules;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserAction;
import io.flagtrail.domain.user.UserChanged;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Users and their own accounts. Every change is recorded (category SECURITY) with the user before and after (never
 * the password hash); disabling a user or changing a password ends every session of that user at once. A stored
 * change is announced to every instance and returns once they have heard it ({@link StandingNotices}), so a changed
 * role or status holds from the next request on, wherever it arrives.
 */
public final class UserAccountService implements ManageUsersUseCase, MyAccountUseCase {

    private static final Map<UserAction, String> ENDED_BECAUSE = Map.of(UserAction.DISABLED, "user disabled",
            UserAction.PASSWORD_RESET, "password reset", UserAction.PASSWORD_CHANGED, "password changed");

    private final Users users;
    private final Projects projects;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final Sessions sessions;
    private final StandingNotices notices;
    private final UserChanges changes;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public UserAccountService(Users users, Projects projects, PasswordHasher hasher, PasswordBlocklist blocklist,
                              Sessions sessions, StandingNotices notices, UserChanges changes, Transactions transactions,
                              Clock clock, IdGenerator ids) {
        this.users = users;
        this.projects = projects;
        this.hasher = hasher;
        this.blocklist = blocklist;
        this.sessions = sessions;
        this.notices = notices;
        this.changes = changes;
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
                    .check(command.roles() != null && (!command.roles().isEmpty() || !command.grants().isEmpty()),
                            "roles", "must name at least one of " + Arrays.toString(Role.values())
                                    + ", or grants at least one ROLE@project[/environment]")
                    .check(command.displayName() == null || command.displayName().length() <= 200, "displayName",
                            "must be at most 200 characters")
                    .include(() -> newPassword(command.password(), "password"))
                    .throwIfAny();
            var created = User.register(ids.newId(), email.get(), command.displayName(),
                    hasher.hash(command.password()), command.roles(), command.grants(), clock.now());
            return transactions.inTransaction(() -> {
                requirePlaces(command.grants());
                users.add(created.after());
                changes.record(created, command.origin(), null);
                return created.after();
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
        return change(id, origin, user -> user.changeRoles(roles, this::activeAdmins));
    }

    @Override
    public User changeGrants(UUID id, Set<Grant> grants, Origin origin) {
        return change(id, origin, user -> {
            requirePlaces(grants == null ? Set.of() : grants);
            return user.changeGrants(grants);
        });
    }

    @Override
    public User disable(UUID id, Origin origin) {
        return change(id, origin, user -> user.disable(this::activeAdmins));
    }

    @Override
    public User enable(UUID id, Origin origin) {
        return change(id, origin, User::enable);
    }

    @Override
    public User resetPassword(UUID id, char[] password, Origin origin) {
        try {
            newPassword(password, "password");
            String hash = hasher.hash(password);
            return change(id, origin, user -> Optional.of(user.replacePassword(hash, false)));
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
            String hash = hasher.hash(newPassword);
            return change(id, origin, current -> Optional.of(current.replacePassword(hash, true)));
        } finally {
            wipe(currentPassword);
            wipe(newPassword);
        }
    }

    /** Load, let the user decide, and store and record what it decided; a change that changes nothing is not stored. */
    private User change(UUID id, Origin origin, Function<User, Optional<UserChanged>> command) {
        var stored = new boolean[1];
        var user = transactions.inTransaction(() -> {
            var before = get(id);
            var decided = command.apply(before);
            if (decided.isEmpty()) {
                return before;
            }
            var change = decided.get();
            users.update(change.after());
            if (change.action().endsSessions()) {
                sessions.revokeAllOf(id, clock.now(), ENDED_BECAUSE.get(change.action()));
            }
            notices.announce();
            changes.record(change, origin, null);
            stored[0] = true;
            return change.after();
        });
        if (stored[0]) {
            notices.awaitHeard();
        }
        return user;
    }

    /** A grant names a place that exists (404 naming the project, else the environment). */
    private void requirePlaces(Set<Grant> grants) {
        for (var grant : grants) {
            var project = projects.find(grant.project())
                    .orElseThrow(() -> NotFound.project(grant.project().value()));
            if (grant.environment() != null && projects.environments(project.id()).stream()
                    .noneMatch(e -> e.key().equals(grant.environment()))) {
                throw NotFound.environment(grant.project().value(), grant.environment().value());
            }
        }
    }

    private long activeAdmins() {
        return users.countActiveWith(Role.ADMIN);
    }

    private void newPassword(char[] password, String field) {
        PasswordRules.check(password, field);
        if (blocklist.contains(password)) {
            throw InvalidInput.of(field, "is a known breached or common password; choose another");
        }
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
