package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import java.time.Instant;
import io.flagtrail.domain.error.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A person who logs in. Only a hash of the password is ever held. */
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

    public boolean canLogIn() {
        return status == UserStatus.ACTIVE;
    }

    public Actor asActor() {
        return new Actor(ActorType.USER, id.toString(), displayName, email.value());
    }

    public User withStatus(UserStatus changed) {
        return new User(id, email, displayName, passwordHash, roles, changed, createdAt, lastLoginAt);
    }

    public User withRoles(Set<Role> changed) {
        if (changed == null || changed.isEmpty()) {
            throw InvalidInput.of("roles", "must name at least one of " + java.util.Arrays.toString(Role.values()));
        }
        return new User(id, email, displayName, passwordHash, changed, status, createdAt, lastLoginAt);
    }

    public User withPasswordHash(String changed) {
        return new User(id, email, displayName, changed, roles, status, createdAt, lastLoginAt);
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
}
