package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureState;

/** Changes a feature's attributes and records FEATURE_UPDATED, or nothing when nothing changed. */
public interface UpdateFeatureUseCase {
    FeatureState update(UpdateFeatureCommand command);
}
