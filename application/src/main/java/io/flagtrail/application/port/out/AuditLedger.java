package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.audit.AuditEntry;
import java.util.List;

/**
 * The append-only audit trail. There is deliberately no way to change or remove an entry through this port.
 * {@link #append} joins the caller's transaction: if it fails, the change it records fails with it.
 */
public interface AuditLedger {

    void append(List<AuditEntry> entries);

    /** Entries matching the query, newest first. */
    Page<AuditEntry> query(AuditQuery query);
}
