package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A person who logs in, and the rules of their account. Only a hash of the password is ever held. A user is
 * immutable: each command decides and answers the {@link UserChanged} event holding the account after it, or
 * nothing when the account would not change, so that a no-op is never stored or recorded.
 *
 * <p>The last active administrator keeps the ADMIN role and stays enabled, so the service can always be
 * administered. That rule spans all users: the caller supplies the count of active administrators, asked for only
 * when the rule applies.
 */
public record User(UUID id, Email email, String displayName, String passwordHash, Set<Role> roles, UserStatus status,
                   Instant createdAt, Instant lastLoginAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        roles = Set.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? email.value() : displayName.strip();
    }

    /** A new active account. */
    public static UserChanged register(UUID id, Email email, String displayName, String passwordHash, Set<Role> roles,
                                       Instant at) {
        requireRoles(roles);
        return new UserChanged(UserAction.CREATED, null,
                new User(id, email, displayName, passwordHash, roles, UserStatus.ACTIVE, at, null));
    }

    public boolean canLogIn() {
        return status == UserStatus.ACTIVE;
    }

    public Actor asActor() {
        return new Actor(ActorType.USER, id.toString(), displayName, email.value());
    }

    /** Replaces the roles; the same roles again change nothing. */
    public Optional<UserChanged> changeRoles(Set<Role> changed, LongSupplier activeAdmins) {
        // before the new roles are checked: taking ADMIN from the last administrator is a conflict (exit 4, 409)
        // even when it would also leave the user with no role at all
        if (roles.contains(Role.ADMIN) && (changed == null || !changed.contains(Role.ADMIN))) {
            keepAnAdmin(activeAdmins);
        }
        requireRoles(changed);
        if (roles.equals(Set.copyOf(changed))) {
            return Optional.empty();
        }
        return change(UserAction.ROLES_CHANGED, copy(passwordHash, changed, status));
    }

    public Optional<UserChanged> disable(LongSupplier activeAdmins) {
        if (status == UserStatus.DISABLED) {
            return Optional.empty();
        }
        if (roles.contains(Role.ADMIN)) {
            keepAnAdmin(activeAdmins);
        }
        return change(UserAction.DISABLED, copy(passwordHash, roles, UserStatus.DISABLED));
    }

    public Optional<UserChanged> enable() {
        if (status == UserStatus.ACTIVE) {
            return Optional.empty();
        }
        return change(UserAction.ENABLED, copy(passwordHash, roles, UserStatus.ACTIVE));
    }

    /** A new password hash, set by an administrator (reset) or by the user (changed): always a change. */
    public UserChanged replacePassword(String hash, boolean byTheUser) {
        return new UserChanged(byTheUser ? UserAction.PASSWORD_CHANGED : UserAction.PASSWORD_RESET, this,
                copy(Objects.requireNonNull(hash, "hash"), roles, status));
    }

    /** The user as the audit trail records it: never the password hash. */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("email", email.value());
        map.put("displayName", displayName);
        map.put("roles", roles.stream().map(Enum::name).sorted().toList());
        map.put("status", status.name());
        return map;
    }

    private Optional<UserChanged> change(UserAction action, User after) {
        return Optional.of(new UserChanged(action, this, after));
    }

    private User copy(String hash, Set<Role> newRoles, UserStatus newStatus) {
        return new User(id, email, displayName, hash, newRoles, newStatus, createdAt, lastLoginAt);
    }

    private void keepAnAdmin(LongSupplier activeAdmins) {
        if (status == UserStatus.ACTIVE && activeAdmins.getAsLong() <= 1) {
            throw new Conflict("user.last_admin", "the last active administrator keeps the ADMIN role and stays enabled");
        }
    }

    private static void requireRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw InvalidInput.of("roles", "must name at least one of " + Arrays.toString(Role.values()));
        }
    }
}
