package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.project.Scope;

/** Lists a project's features as one of its environments shows them, one keyset page at a time. */
public interface ListFeaturesUseCase {
    Page<FeatureState> list(Scope scope, FeatureListQuery query);
}
