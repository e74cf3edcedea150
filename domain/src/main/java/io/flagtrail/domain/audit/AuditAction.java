package io.flagtrail.domain.audit;

/** What happened. The names are a published contract: reviewers filter on them, never rename one. */
public enum AuditAction {
    FEATURE_CREATED(AuditCategory.CHANGE),
    FEATURE_UPDATED(AuditCategory.CHANGE),
    FEATURE_ENABLED(AuditCategory.CHANGE),
    FEATURE_DISABLED(AuditCategory.CHANGE),
    FEATURE_DELETED(AuditCategory.CHANGE),
    FEATURE_RESTORED(AuditCategory.CHANGE),
    PROJECT_CREATED(AuditCategory.CHANGE),
    PROJECT_UPDATED(AuditCategory.CHANGE),
    ENVIRONMENT_CREATED(AuditCategory.CHANGE),
    ENVIRONMENT_UPDATED(AuditCategory.CHANGE),
    ENVIRONMENT_DELETED(AuditCategory.CHANGE),
    CHANGE_REQUEST_DRAFTED(AuditCategory.CHANGE),
    CHANGE_REQUEST_EDITED(AuditCategory.CHANGE),
    CHANGE_REQUEST_SUBMITTED(AuditCategory.CHANGE),
    CHANGE_REQUEST_APPROVED(AuditCategory.CHANGE),
    CHANGE_REQUEST_REJECTED(AuditCategory.CHANGE),
    CHANGE_REQUEST_WITHDRAWN(AuditCategory.CHANGE),
    CHANGE_REQUEST_SCHEDULED(AuditCategory.CHANGE),
    CHANGE_REQUEST_CANCELLED(AuditCategory.CHANGE),
    CHANGE_REQUEST_CONFLICTED(AuditCategory.CHANGE),
    CHANGE_REQUEST_APPLIED(AuditCategory.CHANGE),
    CHANGE_REQUEST_BREAK_GLASS(AuditCategory.CHANGE),
    CHANGE_REQUEST_SIGNED_OFF(AuditCategory.CHANGE),
    USER_CREATED(AuditCategory.SECURITY),
    USER_DISABLED(AuditCategory.SECURITY),
    USER_ENABLED(AuditCategory.SECURITY),
    ROLE_GRANTED(AuditCategory.SECURITY),
    ROLE_REVOKED(AuditCategory.SECURITY),
    PASSWORD_CHANGED(AuditCategory.SECURITY),
    PASSWORD_RESET(AuditCategory.SECURITY),
    API_KEY_CREATED(AuditCategory.SECURITY),
    API_KEY_REVOKED(AuditCategory.SECURITY),
    LOGIN_SUCCEEDED(AuditCategory.SECURITY),
    LOGIN_FAILED(AuditCategory.SECURITY),
    LOGIN_LOCKED(AuditCategory.SECURITY),
    LOGIN_THROTTLED(AuditCategory.SECURITY),
    TOKEN_REFRESHED(AuditCategory.SECURITY),
    TOKEN_REUSE_DETECTED(AuditCategory.SECURITY),
    LOGOUT(AuditCategory.SECURITY),
    ACCESS_DENIED(AuditCategory.SECURITY),
    LEGAL_HOLD_PLACED(AuditCategory.SECURITY),
    LEGAL_HOLD_RELEASED(AuditCategory.SECURITY),
    LEDGER_PURGED(AuditCategory.SECURITY),
    LEDGER_DIVERGED(AuditCategory.SECURITY),
    LEDGER_PARTITION_ADDED(AuditCategory.SECURITY),
    LEDGER_PARTITION_DROPPED(AuditCategory.SECURITY),
    EVENT_DISPATCH_PAUSED(AuditCategory.SECURITY),
    EVENT_DISPATCH_RESUMED(AuditCategory.SECURITY),
    EVENT_DEAD_LETTERS_RETRIED(AuditCategory.SECURITY),
    DATABASE_MIGRATED(AuditCategory.SECURITY),
    AUDIT_QUERIED(AuditCategory.ACCESS),
    AUDIT_HISTORY_READ(AuditCategory.ACCESS),
    AUDIT_STATE_READ(AuditCategory.ACCESS),
    AUDIT_EXPORTED(AuditCategory.ACCESS),
    AUDIT_VERIFIED(AuditCategory.ACCESS),
    EVIDENCE_EXPORTED(AuditCategory.ACCESS);

    private final AuditCategory category;

    AuditAction(AuditCategory category) {
        this.category = category;
    }

    public AuditCategory category() {
        return category;
    }
}
