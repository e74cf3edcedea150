package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureState;

/** Enables, disables, deletes or restores a feature, recording the matching audit action when something changed. */
public interface TransitionFeatureUseCase {
    FeatureState transition(TransitionFeatureCommand command);
}
