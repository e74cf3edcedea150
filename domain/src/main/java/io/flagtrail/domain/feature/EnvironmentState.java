package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.evaluation.TargetingRule;
import io.flagtrail.domain.project.EnvironmentKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A feature's state in one environment: whether it is on, the rollout, the targeting rules and the default and off
 * variants (which name variants of the {@linkplain FeatureDefinition definition}). Its id is the audit subject of the
 * feature in that environment; its version counts every change to what the environment serves or shows of the
 * feature, a change of the shared definition included, so an If-Match on one environment is never made stale by a
 * change in another.
 */
public record EnvironmentState(
        UUID id,
        UUID environmentId,
        EnvironmentKey environment,
        boolean enabled,
        int rolloutPercentage,
        List<TargetingRule> rules,
        String defaultVariant,
        String offVariant,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public EnvironmentState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environmentId, "environmentId");
        Objects.requireNonNull(environment, "environment");
        rules = List.copyOf(rules);
    }

    /** This state as {@code attributes} and {@code on} describe it, one version on. */
    EnvironmentState with(FeatureAttributes attributes, boolean on, ChangeStamp stamp) {
        var targeting = attributes.targeting();
        return new EnvironmentState(id, environmentId, environment, on, attributes.rolloutPercentage(),
                targeting.rules(), targeting.defaultVariant(), targeting.offVariant(), version + 1, createdAt, createdBy,
                stamp.at(), stamp.actor().reference());
    }

    /** Whether {@code attributes} and {@code on} say something else than this state. */
    boolean differsFrom(FeatureAttributes attributes, boolean on) {
        var targeting = attributes.targeting();
        return enabled != on || rolloutPercentage != attributes.rolloutPercentage() || !rules.equals(targeting.rules())
                || !defaultVariant.equals(targeting.defaultVariant()) || !offVariant.equals(targeting.offVariant());
    }
}
