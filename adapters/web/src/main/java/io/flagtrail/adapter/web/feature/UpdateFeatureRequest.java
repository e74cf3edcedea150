package io.flagtrail.adapter.web.feature;

import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.feature.FeaturePatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /api/v1/features/{key}}: absent fields stay as they are; {@code "owner": ""} clears the
 * owner; {@code variants} and {@code rules} replace the whole map or list.
 */
@Serdeable
public record UpdateFeatureRequest(@Nullable String name, @Nullable String description,
                                   @Nullable Integer rolloutPercentage, @Nullable List<String> tags,
                                   @Nullable String owner, @Nullable Map<String, Object> variants,
                                   @Nullable List<Object> rules, @Nullable String defaultVariant,
                                   @Nullable String offVariant, @Nullable String reason) {

    FeaturePatch patch() {
        return new FeaturePatch(name, description, rolloutPercentage, tags, owner,
                new TargetingPatch(variants, rules, defaultVariant, offVariant));
    }
}
