package io.flagtrail.domain.evaluation;

import java.util.Map;

/** Who asks: the targeting key (a user or session id, for sticky rollout) and any attributes. */
public record EvaluationContext(String targetingKey, Map<String, Object> attributes) {

    public EvaluationContext {
        targetingKey = targetingKey == null || targetingKey.isBlank() ? null : targetingKey;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
