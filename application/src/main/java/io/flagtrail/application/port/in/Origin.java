package io.flagtrail.application.port.in;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.RequestContext;
import java.util.Objects;

/** Who asks, and through which request: every command carries one so that the audit entry can say so. */
public record Origin(Actor actor, RequestContext context) {

    public Origin {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(context, "context");
    }
}
