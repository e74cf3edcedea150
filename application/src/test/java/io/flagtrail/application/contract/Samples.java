package io.flagtrail.application.contract;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.Reason;
import java.util.List;
import java.util.UUID;

/** The actor, keys and commands that storage tests share. */
public final class Samples {

    public static final Origin ORIGIN = new Origin(new Actor(ActorType.USER, "u-1", "Alice", "alice@example.com"),
            new RequestContext("req-42", null, Channel.HTTP, "127.0.0.1", "junit"));

    private Samples() {
    }

    public static FeatureKey uniqueKey() {
        return new FeatureKey("f" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    public static CreateFeatureCommand command(FeatureKey key, String reason) {
        return new CreateFeatureCommand(key, new FeatureAttributes("Name", "", 100, List.of(), null), false,
                Reason.ofNullable(reason), ORIGIN);
    }

    /** Ids that stay unique across test methods sharing one schema (sequential ones would collide). */
    public static final class RandomIds implements IdGenerator {
        @Override
        public UUID newId() {
            return UUID.randomUUID();
        }
    }
}
