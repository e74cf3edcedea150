package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.adapter.persistence.KeysetPage;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.domain.audit.AuditEntry;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The audit ledger: entries are inserted into {@code audit_pending} in the caller's transaction and moved to
 * {@code audit_entries} when sealed (ADR 0010); reads cover both, newest first.
 */
@Singleton
final class JdbcAuditLedger implements AuditLedger {

    private final AuditEntryRowRepository rows;
    private final AuditEntryRowMapper mapper;
    private final JsonColumns json;
    private final Sql sql;

    JdbcAuditLedger(AuditEntryRowRepository rows, AuditEntryRowMapper mapper, JsonColumns json, Sql sql) {
        this.rows = rows;
        this.mapper = mapper;
        this.json = json;
        this.sql = sql;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        if (!entries.isEmpty()) {
            rows.saveAll(entries.stream().map(e -> mapper.toRow(e, json)).toList());
        }
    }

    @Override
    public Page<AuditEntry> query(AuditQuery query) {
        var page = select(query);
        var found = sql.entities(page.sql(), page.args(), AuditEntryRow.class);
        return page(query, found);
    }

    /** A page's SELECT and its arguments: one more row than the limit, to know whether another page follows. */
    static BothTables.Select select(AuditQuery query) {
        return BothTables.page("*", query);
    }

    private Page<AuditEntry> page(AuditQuery query, List<AuditEntryRow> found) {
        var page = KeysetPage.of(found, query.limit(), row -> AuditOrder.sortKey(row.occurredAt(), row.seq()));
        return new Page<>(page.items().stream().map(row -> mapper.toEntry(row, json)).toList(), page.nextCursor());
    }
}
