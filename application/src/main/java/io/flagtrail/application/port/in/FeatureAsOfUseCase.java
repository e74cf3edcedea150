package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import java.time.Instant;

/** A feature as it was at a past instant, rebuilt from the ledger alone. */
public interface FeatureAsOfUseCase {

    FeatureState asOf(FeatureKey key, Instant instant, Origin origin);
}
