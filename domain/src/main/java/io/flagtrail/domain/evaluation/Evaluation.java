package io.flagtrail.domain.evaluation;

/** The answer: which variant, its value, and why. */
public record Evaluation(String key, Object value, String variant, EvaluationReason reason) {
}
