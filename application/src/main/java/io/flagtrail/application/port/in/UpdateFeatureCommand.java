package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.Reason;
import java.util.Objects;

/** Apply a partial update; when {@code expectedVersion} is given the feature must still be at it. */
public record UpdateFeatureCommand(FeatureKey key, FeaturePatch patch, Long expectedVersion, Reason reason,
                                   Origin origin) {

    public UpdateFeatureCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(origin, "origin");
    }
}
