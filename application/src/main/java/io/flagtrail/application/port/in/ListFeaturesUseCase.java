package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.feature.FeatureState;

/** Lists features, one keyset page at a time. */
public interface ListFeaturesUseCase {
    Page<FeatureState> list(FeatureListQuery query);
}
