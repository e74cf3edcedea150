package io.flagtrail.adapter.persistence.feature;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A feature as stored in the {@code features} table. */
@MappedEntity("features")
record FeatureRow(
        @Id UUID id,
        String featureKey,
        String name,
        String description,
        boolean enabled,
        int rolloutPercentage,
        String tags,
        @Nullable String owner,
        @Nullable String targeting,
        String status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {
}
