package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Scope;
import java.util.Objects;

/**
 * Switch a feature on or off in the scope's environment, or delete or restore it (in every environment); when
 * {@code expectedVersion} is given the feature's state in the scope's environment must still be at it.
 */
public record TransitionFeatureCommand(Scope scope, FeatureKey key, FeatureTransition transition, Long expectedVersion,
                                       Reason reason, Origin origin) {

    /** The command of the compatibility path: the default project's production. */
    public TransitionFeatureCommand(FeatureKey key, FeatureTransition transition, Long expectedVersion,
                                       Reason reason, Origin origin) {
        this(Scope.COMPATIBILITY, key, transition, expectedVersion, reason, origin);
    }

    public TransitionFeatureCommand {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(origin, "origin");
    }
}
