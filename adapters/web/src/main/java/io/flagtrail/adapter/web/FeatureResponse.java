package io.flagtrail.adapter.web;

import io.flagtrail.domain.feature.FeatureState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feature as the API shows it. */
@Serdeable
public record FeatureResponse(UUID id, String key, String name, String description, boolean enabled,
                              int rolloutPercentage, List<String> tags, @Nullable String owner, String status,
                              long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    static FeatureResponse from(FeatureState state) {
        var a = state.attributes();
        return new FeatureResponse(state.id(), state.key().value(), a.name(), a.description(), state.enabled(),
                a.rolloutPercentage(), a.tags(), a.owner(), state.status().name(), state.version(),
                state.createdAt(), state.createdBy(), state.updatedAt(), state.updatedBy());
    }
}
