package io.flagtrail.application.port.in;

import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.Reason;
import java.util.Objects;

/** Create a feature with this key and these attributes, optionally switched on. */
public record CreateFeatureCommand(FeatureKey key, FeatureAttributes attributes, boolean enabled, Reason reason,
                                   Origin origin) {

    public CreateFeatureCommand {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(origin, "origin");
    }
}
