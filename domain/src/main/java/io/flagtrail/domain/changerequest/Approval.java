package io.flagtrail.domain.changerequest;

import io.flagtrail.domain.actor.Actor;
import java.time.Instant;
import java.util.Objects;

/** One approver's yes to a request as it stood then, with what they said. */
public record Approval(Actor approver, Instant at, String comment) {

    public Approval {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
    }
}
