package io.flagtrail.adapter.cli;

import io.flagtrail.domain.feature.FeaturePatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The fields of a feature to change; those left out stay as they are. */
@Serdeable
record FeaturePatchInput(@Nullable String name, @Nullable String description, @Nullable Integer rolloutPercentage,
                         @Nullable List<String> tags, @Nullable String owner, @Nullable String reason) {

    FeaturePatch patch() {
        return new FeaturePatch(name, description, rolloutPercentage, tags, owner);
    }
}
