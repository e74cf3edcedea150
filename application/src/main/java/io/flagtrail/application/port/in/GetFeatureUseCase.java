package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.project.Scope;

/** Reads one feature as an environment shows it, deleted or not. */
public interface GetFeatureUseCase {
    FeatureState get(Scope scope, FeatureKey key);
}
