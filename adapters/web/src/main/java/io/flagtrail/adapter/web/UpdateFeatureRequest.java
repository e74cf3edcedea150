package io.flagtrail.adapter.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The body of {@code PATCH /api/v1/features/{key}}: absent fields stay as they are; {@code "owner": ""} clears the owner. */
@Serdeable
public record UpdateFeatureRequest(@Nullable String name, @Nullable String description,
                                   @Nullable Integer rolloutPercentage, @Nullable List<String> tags,
                                   @Nullable String owner, @Nullable String reason) {
}
