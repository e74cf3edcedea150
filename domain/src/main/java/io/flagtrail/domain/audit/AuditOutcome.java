package io.flagtrail.domain.audit;

/** Whether the recorded action succeeded. */
public enum AuditOutcome {
    SUCCESS, FAILURE
}
