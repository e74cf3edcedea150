package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import java.time.Instant;
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
}
