package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.ChangeReportUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditPlace;
import java.time.Instant;
import java.util.LinkedHashMap;

/** The change-management report from the ledger ({@link ChangeReports}); reading it is recorded as a read. */
public final class ChangeReportService implements ChangeReportUseCase {

    private final ChangeReports reports;
    private final AuditTrail trail;
    private final Transactions transactions;

    public ChangeReportService(AuditLedger ledger, AuditTrail trail, Transactions transactions) {
        this.reports = new ChangeReports(ledger::query);
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public ChangeReport report(AuditPlace place, Instant from, Instant to, Origin origin) {
        return transactions.inTransaction(() -> {
            var report = reports.of(place, from, to);
            var asked = new LinkedHashMap<String, Object>();
            asked.put("report", "changes");
            asked.put("project", place.project());
            asked.put("environment", place.environment());
            asked.put("from", from.toString());
            asked.put("to", to.toString());
            trail.read(AuditAction.AUDIT_QUERIED, origin, asked);
            return report;
        });
    }

    @Override
    public String csv(ChangeReport report) {
        return ChangeReports.csv(report);
    }
}
