package io.flagtrail.domain.audit;

/** What happened. The names are a published contract: reviewers filter on them, never rename one. */
public enum AuditAction {
    FEATURE_CREATED(AuditCategory.CHANGE),
    FEATURE_UPDATED(AuditCategory.CHANGE),
    FEATURE_ENABLED(AuditCategory.CHANGE),
    FEATURE_DISABLED(AuditCategory.CHANGE),
    FEATURE_DELETED(AuditCategory.CHANGE),
    FEATURE_RESTORED(AuditCategory.CHANGE),
    USER_CREATED(AuditCategory.SECURITY);

    private final AuditCategory category;

    AuditAction(AuditCategory category) {
        this.category = category;
    }

    public AuditCategory category() {
        return category;
    }
}
