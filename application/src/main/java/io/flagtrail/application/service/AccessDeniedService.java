package io.flagtrail.application.service;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.RecordAccessDeniedUseCase;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.util.LinkedHashMap;
import java.util.List;

/** ACCESS_DENIED entries (category SECURITY, outcome FAILURE): who asked for which route and was refused. */
public final class AccessDeniedService implements RecordAccessDeniedUseCase {

    private final AuditLedger ledger;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public AccessDeniedService(AuditLedger ledger, Transactions transactions, Clock clock, IdGenerator ids) {
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public void accessDenied(String method, String path, Origin origin) {
        var after = new LinkedHashMap<String, Object>();
        after.put("method", method);
        after.put("path", path);
        transactions.inTransaction(() -> {
            ledger.append(List.of(new AuditEntry(ids.newId(), AuditAction.ACCESS_DENIED.category(),
                    AuditAction.ACCESS_DENIED, AuditOutcome.FAILURE, Severity.WARNING, origin.actor(),
                    new Subject("route", method + " " + path, null), null, null, after, List.of(), origin.context(),
                    clock.now())));
            return null;
        });
    }
}
