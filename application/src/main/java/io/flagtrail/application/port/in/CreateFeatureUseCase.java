package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureState;

/** Creates a feature and records FEATURE_CREATED. */
public interface CreateFeatureUseCase {
    FeatureState create(CreateFeatureCommand command);
}
