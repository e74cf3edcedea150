package io.flagtrail.domain.audit;

/** Which part of the trail an entry belongs to: business changes, security events, or reads of the trail itself. */
public enum AuditCategory {
    CHANGE, SECURITY, ACCESS
}
