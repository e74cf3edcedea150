package io.flagtrail.domain.change;

import io.flagtrail.domain.actor.Actor;
import java.time.Instant;
import java.util.Objects;

/** Who makes a change, when, and why (the reason is optional). */
public record ChangeStamp(Actor actor, Instant at, Reason reason) {

    public ChangeStamp {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /** This stamp, at {@code earliest} if it is earlier than that. */
    public ChangeStamp notBefore(Instant earliest) {
        return at.isBefore(earliest) ? new ChangeStamp(actor, earliest, reason) : this;
    }
}
