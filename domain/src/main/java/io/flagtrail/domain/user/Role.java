package io.flagtrail.domain.user;

/**
 * What a user may do. ADMIN includes EDITOR, which includes VIEWER (the hierarchy itself is configuration);
 * AUDITOR stands apart: it reads, exports and verifies the audit trail and changes nothing.
 */
public enum Role {
    ADMIN, EDITOR, VIEWER, AUDITOR
}
