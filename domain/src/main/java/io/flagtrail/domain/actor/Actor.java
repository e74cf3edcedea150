package io.flagtrail.domain.actor;

import java.util.Objects;

/**
 * Who acted: handed to every use case by the driving adapter, recorded in every audit entry.
 * Services never see HTTP or token types, only this.
 */
public record Actor(ActorType type, String id, String displayName, String email) {

    public Actor {
        Objects.requireNonNull(type, "type");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName;
        email = email == null || email.isBlank() ? null : email;
    }

    public static Actor system(String id) {
        return new Actor(ActorType.SYSTEM, id, id, null);
    }

    /** The short form used in created-by/updated-by columns: {@code user:<id>}. */
    public String reference() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }
}
