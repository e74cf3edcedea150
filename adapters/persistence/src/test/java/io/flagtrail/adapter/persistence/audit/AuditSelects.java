package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.application.port.model.AuditQuery;
import java.util.List;

/** The SQL an audit query runs, for the plan tests outside this package. */
public final class AuditSelects {

    private AuditSelects() {
    }

    public static String sql(AuditQuery query) {
        return JdbcAuditLedger.select(query).sql();
    }

    public static List<Object> args(AuditQuery query) {
        return JdbcAuditLedger.select(query).args();
    }
}
