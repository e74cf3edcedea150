package io.flagtrail.domain.feature;

/** The kinds of change a feature goes through. */
public enum FeatureAction {
    CREATED, UPDATED, ENABLED, DISABLED, DELETED, RESTORED
}
