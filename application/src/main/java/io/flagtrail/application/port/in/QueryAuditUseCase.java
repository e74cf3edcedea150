package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.audit.AuditEntry;

/** Reads the audit trail, newest first, one keyset page at a time. */
public interface QueryAuditUseCase {
    /** The read is itself recorded, as an ACCESS entry naming {@code origin}. */
    Page<AuditEntry> query(AuditQuery query, Origin origin);
}
