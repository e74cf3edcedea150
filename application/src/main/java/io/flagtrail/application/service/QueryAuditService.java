package io.flagtrail.application.service;

import io.flagtrail.application.port.in.AuditQuery;
import io.flagtrail.application.port.in.Page;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.domain.audit.AuditEntry;

/** Reads the audit trail for reviewers. */
public final class QueryAuditService implements QueryAuditUseCase {

    private final AuditLedger ledger;

    public QueryAuditService(AuditLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query) {
        return ledger.query(query);
    }
}
