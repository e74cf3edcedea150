package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;

/** Reads one feature, deleted or not. */
public interface GetFeatureUseCase {
    FeatureState get(FeatureKey key);
}
