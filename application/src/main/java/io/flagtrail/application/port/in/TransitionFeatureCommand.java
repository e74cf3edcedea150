package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.Reason;
import java.util.Objects;

/** Switch a feature on or off, delete or restore it; when {@code expectedVersion} is given it must still be current. */
public record TransitionFeatureCommand(FeatureKey key, FeatureTransition transition, Long expectedVersion,
                                       Reason reason, Origin origin) {

    public TransitionFeatureCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(origin, "origin");
    }
}
