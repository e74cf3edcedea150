package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;

/** Reads the audit trail for reviewers, and records that they did. */
public final class QueryAuditService implements QueryAuditUseCase {

    private final AuditLedger ledger;
    private final AuditTrail trail;
    private final Transactions transactions;

    public QueryAuditService(AuditLedger ledger, AuditTrail trail, Transactions transactions) {
        this.ledger = ledger;
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query, Origin origin) {
        return transactions.inTransaction(() -> {
            var page = ledger.query(query);
            trail.read(AuditAction.AUDIT_QUERIED, origin, AuditQueries.describe(query));
            return page;
        });
    }
}
