package io.flagtrail.adapter.web.feature;

import io.flagtrail.domain.feature.FeatureState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A feature as the API shows it: as one environment of its project shows it ({@code project}, {@code environment}),
 * its targeting included (a plain feature has variants on/off and no rules).
 */
@Serdeable
@Schema(name = "Feature")
public record FeatureResponse(UUID id, String project, String environment, String key, String name, String description, boolean enabled,
                              int rolloutPercentage, List<String> tags, @Nullable String owner,
                              Map<String, Object> variants, List<Map<String, Object>> rules, String defaultVariant,
                              String offVariant, String status, long version, Instant createdAt, String createdBy,
                              Instant updatedAt, String updatedBy) {

    static FeatureResponse from(FeatureState state) {
        var a = state.attributes();
        var t = a.targeting();
        return new FeatureResponse(state.id(), state.project().value(), state.environment().value(), state.key().value(), a.name(), a.description(), state.enabled(),
                a.rolloutPercentage(), a.tags(), a.owner(), t.variants(), t.rulesJson(), t.defaultVariant(),
                t.offVariant(), state.status().name(), state.version(), state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy());
    }
}
