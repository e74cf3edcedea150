package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
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
public record User(UUID id, Email email, String displayName, String passwordHash, Set<Role> roles, Set<Grant> grants,
                   UserStatus status, Instant createdAt, Instant lastLoginAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(status, "status");
        roles = Set.copyOf(roles);
        grants = grants == null ? Set.of() : Set.copyOf(grants);
        displayName = displayName == null || displayName.isBlank() ? email.value() : displayName.strip();
    }

    /** A new active account, with global roles, grants in projects and environments, or both. */
    public static UserChanged register(UUID id, Email email, String displayName, String passwordHash, Set<Role> roles,
                                       Set<Grant> grants, Instant at) {
        requireAccess(roles, grants);
        return new UserChanged(UserAction.CREATED, null,
                new User(id, email, displayName, passwordHash, roles, grants, UserStatus.ACTIVE, at, null));
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
        requireAccess(changed, grants);
        if (roles.equals(Set.copyOf(changed))) {
            return Optional.empty();
        }
        return change(UserAction.ROLES_CHANGED, copy(passwordHash, changed, grants, status));
    }

    /**
     * Replaces the grants in projects and environments; the same grants again change nothing. The account keeps at
     * least one role or grant, as it was created with.
     */
    public Optional<UserChanged> changeGrants(Set<Grant> changed) {
        if (changed == null) {
            throw InvalidInput.of("grants", "must be a list (empty to remove every grant)");
        }
        requireAccess(roles, changed);
        return replaceGrants(changed);
    }

    /**
     * Takes away the grants that hold in a place being deleted (an environment, or every environment of a project):
     * a grant never outlives its place, so a place created again later under the same key starts with no one in it.
     * Unlike {@link #changeGrants} this may leave the account with nothing: the account stays, able to do nothing.
     */
    public Optional<UserChanged> revokeGrantsIn(ProjectKey project, EnvironmentKey environment) {
        var kept = new HashSet<Grant>();
        for (var grant : grants) {
            // an environment's deletion takes the grants in it, not the project-wide ones; a project's takes all
            boolean inPlace = grant.project().equals(project)
                    && (environment == null || environment.equals(grant.environment()));
            if (!inPlace) {
                kept.add(grant);
            }
        }
        return replaceGrants(kept);
    }

    private Optional<UserChanged> replaceGrants(Set<Grant> changed) {
        if (grants.equals(Set.copyOf(changed))) {
            return Optional.empty();
        }
        return change(UserAction.GRANTS_CHANGED, copy(passwordHash, roles, changed, status));
    }

    public Optional<UserChanged> disable(LongSupplier activeAdmins) {
        if (status == UserStatus.DISABLED) {
            return Optional.empty();
        }
        if (roles.contains(Role.ADMIN)) {
            keepAnAdmin(activeAdmins);
        }
        return change(UserAction.DISABLED, copy(passwordHash, roles, grants, UserStatus.DISABLED));
    }

    public Optional<UserChanged> enable() {
        if (status == UserStatus.ACTIVE) {
            return Optional.empty();
        }
        return change(UserAction.ENABLED, copy(passwordHash, roles, grants, UserStatus.ACTIVE));
    }

    /** A new password hash, set by an administrator (reset) or by the user (changed): always a change. */
    public UserChanged replacePassword(String hash, boolean byTheUser) {
        return new UserChanged(byTheUser ? UserAction.PASSWORD_CHANGED : UserAction.PASSWORD_RESET, this,
                copy(Objects.requireNonNull(hash, "hash"), roles, grants, status));
    }

    /** The user as the audit trail records it: never the password hash. */
    public Map<String, Object> snapshot() {
        return snapshotWith(grants);
    }

    /** The snapshot of this user holding {@code held} as their grants: the steps of a change of several grants. */
    public Map<String, Object> snapshotWith(Set<Grant> held) {
        var map = new LinkedHashMap<String, Object>();
        map.put("email", email.value());
        map.put("displayName", displayName);
        map.put("roles", roles.stream().map(Enum::name).sorted().toList());
        if (!held.isEmpty()) {
            // only where there are any: an account without grants is recorded as it was before grants existed
            map.put("grants", Grant.written(held));
        }
        map.put("status", status.name());
        return map;
    }

    private Optional<UserChanged> change(UserAction action, User after) {
        return Optional.of(new UserChanged(action, this, after));
    }

    private User copy(String hash, Set<Role> newRoles, Set<Grant> newGrants, UserStatus newStatus) {
        return new User(id, email, displayName, hash, newRoles, newGrants, newStatus, createdAt, lastLoginAt);
    }

    private void keepAnAdmin(LongSupplier activeAdmins) {
        if (status == UserStatus.ACTIVE && activeAdmins.getAsLong() <= 1) {
            throw new Conflict("user.last_admin", "the last active administrator keeps the ADMIN role and stays enabled");
        }
    }

    /** An account is given something to do: a global role, or a grant in a project or environment. */
    private static void requireAccess(Set<Role> roles, Set<Grant> grants) {
        if (roles == null) {
            throw InvalidInput.of("roles", "must be a list of " + Arrays.toString(Role.values()));
        }
        if (roles.isEmpty() && (grants == null || grants.isEmpty())) {
            throw InvalidInput.of("roles", "must name at least one of " + Arrays.toString(Role.values())
                    + ", or grants at least one ROLE@project[/environment]");
        }
    }
}
