package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;

/** Reads one feature, deleted or not: as an environment shows it, or its definition with every environment's state. */
public interface GetFeatureUseCase {
    FeatureState get(Scope scope, FeatureKey key);

    /** The definition and each environment's state, in environment order; 404 naming the project or the feature. */
    FeatureRecord everywhere(ProjectKey project, FeatureKey key);
}
