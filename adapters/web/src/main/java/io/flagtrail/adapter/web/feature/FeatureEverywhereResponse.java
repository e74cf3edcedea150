package io.flagtrail.adapter.web.feature;

import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.evaluation.TargetingRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A feature of a project with its state in every environment: the definition once, then each environment's part. */
@Serdeable
@Schema(name = "FeatureEverywhere")
public record FeatureEverywhereResponse(String project, String key, String name, String description, List<String> tags,
                                        @Nullable String owner, Map<String, Object> variants, String status,
                                        @Schema(description = "the definition's version") long version,
                                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                                        List<State> environments) {

    /** One environment's state of the feature; {@code id} is its audit subject there, {@code version} its ETag there. */
    @Serdeable
    @Schema(name = "FeatureEnvironmentState")
    public record State(String environment, UUID id, boolean enabled, int rolloutPercentage,
                        List<Map<String, Object>> rules, String defaultVariant, String offVariant, long version,
                        Instant updatedAt, String updatedBy) {

        static State of(EnvironmentState s) {
            return new State(s.environment().value(), s.id(), s.enabled(), s.rolloutPercentage(),
                    s.rules().stream().map(TargetingRule::toJson).toList(), s.defaultVariant(), s.offVariant(),
                    s.version(), s.updatedAt(), s.updatedBy());
        }
    }

    static FeatureEverywhereResponse of(FeatureRecord record) {
        var d = record.definition();
        return new FeatureEverywhereResponse(d.project().value(), d.key().value(), d.name(), d.description(), d.tags(),
                d.owner(), d.variants(), d.status().name(), d.version(), d.createdAt(), d.createdBy(), d.updatedAt(),
                d.updatedBy(), record.states().stream().map(State::of).toList());
    }
}
