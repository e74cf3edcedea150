package io.flagtrail.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of {@code POST /api/v1/features}; only key and name are required. */
@Serdeable
public record CreateFeatureRequest(@Nullable String key, @Nullable String name, @Nullable String description,
                                   @Nullable Boolean enabled, @Nullable Integer rolloutPercentage,
                                   @Nullable List<String> tags, @Nullable String owner, @Nullable String reason) {
}
