package io.flagtrail.application.port.in;

/** The state changes a feature goes through besides editing its attributes. */
public enum FeatureTransition {
    ENABLE, DISABLE, DELETE, RESTORE
}
