package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Scope;
import java.util.Objects;

/**
 * Apply a partial update as seen from the scope's environment (ADR 0012: its definition fields change every
 * environment); when {@code expectedVersion} is given the feature's state there must still be at it.
 */
public record UpdateFeatureCommand(Scope scope, FeatureKey key, FeaturePatch patch, Long expectedVersion, Reason reason,
                                   Origin origin) {

    /** The command of the compatibility path: the default project's production. */
    public UpdateFeatureCommand(FeatureKey key, FeaturePatch patch, Long expectedVersion, Reason reason,
                                   Origin origin) {
        this(Scope.COMPATIBILITY, key, patch, expectedVersion, reason, origin);
    }

    public UpdateFeatureCommand {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(patch, "patch");
        Objects.requireNonNull(origin, "origin");
    }
}
