package io.flagtrail.domain.feature;

/** Whether a feature is live or soft-deleted (kept for history and restore). */
public enum FeatureStatus {
    ACTIVE, DELETED
}
