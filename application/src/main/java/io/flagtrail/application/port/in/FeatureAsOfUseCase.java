package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.domain.feature.FeatureState;
import java.time.Instant;

/** A feature as an environment showed it at a past instant, rebuilt from the ledger alone. */
public interface FeatureAsOfUseCase {

    FeatureState asOf(Scope scope, FeatureKey key, Instant instant, Origin origin);
}
