package io.flagtrail.adapter.web.feature;

import io.flagtrail.domain.evaluation.TargetingPatch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/features}; only key and name are required. Without variants the feature is a
 * plain on/off flag ({@code on → true}, {@code off → false}).
 */
@Serdeable
public record CreateFeatureRequest(@Nullable String key, @Nullable String name, @Nullable String description,
                                   @Nullable Boolean enabled, @Nullable Integer rolloutPercentage,
                                   @Nullable List<String> tags, @Nullable String owner,
                                   @Nullable Map<String, Object> variants, @Nullable List<Object> rules,
                                   @Nullable String defaultVariant, @Nullable String offVariant,
                                   @Nullable String reason) {

    TargetingPatch targeting() {
        return new TargetingPatch(variants, rules, defaultVariant, offVariant);
    }
}
