package io.flagtrail.domain.evaluation;

/** Why an evaluation served its variant, in OpenFeature's words. */
public enum EvaluationReason {
    /** The flag is on and nothing about the caller mattered. */
    STATIC,
    /** A targeting rule matched. */
    TARGETING_MATCH,
    /** The percentage rollout placed the caller. */
    SPLIT,
    /** The flag is off. */
    DISABLED
}
