package io.flagtrail.adapter.cli;

import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.feature.FeaturePatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** The fields of a feature to change; those left out stay as they are, variants and rules are replaced whole. */
@Serdeable
record FeaturePatchInput(@Nullable String name, @Nullable String description, @Nullable Integer rolloutPercentage,
                         @Nullable List<String> tags, @Nullable String owner, @Nullable Map<String, Object> variants,
                         @Nullable List<Object> rules, @Nullable String defaultVariant, @Nullable String offVariant,
                         @Nullable String reason) {

    /** From the command line's options: no targeting change. */
    static FeaturePatchInput of(String name, String description, Integer rolloutPercentage, List<String> tags,
                                String owner) {
        return new FeaturePatchInput(name, description, rolloutPercentage, tags, owner, null, null, null, null, null);
    }

    FeaturePatch patch() {
        return new FeaturePatch(name, description, rolloutPercentage, tags, owner,
                new TargetingPatch(variants, rules, defaultVariant, offVariant));
    }
}
