package io.flagtrail.application.service;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.util.List;
import java.util.Map;

/**
 * Records reads of the audit trail in the trail itself (category ACCESS, as PCI DSS 10.2.1.3 asks): who read,
 * what they asked for, when and from where. The subject is the trail, so these entries never crowd a feature's
 * history. Called inside the caller's transaction: a read that cannot be recorded does not happen.
 */
public final class AccessLog {

    static final Subject TRAIL = new Subject("audit-trail", "ledger", null);

    private final AuditLedger ledger;
    private final Clock clock;
    private final IdGenerator ids;

    public AccessLog(AuditLedger ledger, Clock clock, IdGenerator ids) {
        this.ledger = ledger;
        this.clock = clock;
        this.ids = ids;
    }

    void record(AuditAction action, Origin origin, Map<String, Object> request) {
        record(action, origin, request, Severity.INFO);
    }

    void record(AuditAction action, Origin origin, Map<String, Object> request, Severity severity) {
        ledger.append(List.of(new AuditEntry(ids.newId(), action.category(), action, AuditOutcome.SUCCESS, severity,
                origin.actor(), TRAIL, null, null, request, List.of(), origin.context(), clock.now())));
    }
}
