package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.RecordAccessDeniedUseCase;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.util.LinkedHashMap;

/** ACCESS_DENIED entries (category SECURITY, outcome FAILURE): who asked for which route and was refused. */
public final class AccessDeniedService implements RecordAccessDeniedUseCase {

    private final AuditTrail trail;
    private final Transactions transactions;

    public AccessDeniedService(AuditTrail trail, Transactions transactions) {
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public void accessDenied(String method, String path, Origin origin) {
        var after = new LinkedHashMap<String, Object>();
        after.put("method", method);
        after.put("path", path);
        transactions.inTransaction(() -> {
            trail.entry(AuditAction.ACCESS_DENIED, origin).on(new Subject("route", method + " " + path, null)).failed()
                    .severity(Severity.WARNING).details(after).record();
            return null;
        });
    }
}
