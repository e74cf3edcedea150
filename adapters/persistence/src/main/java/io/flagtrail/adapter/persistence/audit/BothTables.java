package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.application.port.model.AuditQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * A listing over the sealed entries ({@code audit_entries}) and those waiting to be sealed ({@code audit_pending})
 * together, newest first (ADR 0010): one {@code UNION ALL} of the two tables, which have the same columns, each
 * filtered alike. A page limits each side before the merge, so each is one range of its own index and the merge
 * sorts at most two pages; an export merges two index scans in order (PostgreSQL's Merge Append).
 */
final class BothTables {

    private static final List<String> TABLES = List.of("audit_entries", "audit_pending");

    /** A statement and its arguments. */
    record Select(String sql, List<Object> args) {
    }

    private BothTables() {
    }

    /** The page after the query's cursor: one row more than its limit, to know whether another page follows. */
    static Select page(String columns, AuditQuery query) {
        var whereArgs = new ArrayList<Object>();
        String where = where(query, true, whereArgs);
        return union(columns, where + AuditOrder.NEWEST_FIRST + " LIMIT ?", whereArgs, query.limit() + 1);
    }

    /** Every entry the query's filters match, for streaming. */
    static Select all(String columns, AuditQuery query) {
        var whereArgs = new ArrayList<Object>();
        return union(columns, where(query, false, whereArgs), whereArgs, null);
    }

    /**
     * The query's filters (and cursor, for a page) as {@code " WHERE a AND b"}, and nothing without any: a constant
     * condition such as {@code 1 = 1} keeps PostgreSQL from merging the two tables' index scans (it sorts instead).
     */
    private static String where(AuditQuery query, boolean afterCursor, List<Object> args) {
        var conditions = new StringBuilder();
        AuditFilters.where(query, conditions, args);
        if (afterCursor && query.cursor() != null) {
            AuditOrder.after(query.cursor(), conditions, args);
        }
        return conditions.isEmpty() ? "" : " WHERE" + conditions.substring(" AND".length());
    }

    private static Select union(String columns, String rest, List<Object> restArgs, Integer limit) {
        var sql = new StringBuilder();
        var args = new ArrayList<Object>();
        for (var table : TABLES) {
            sql.append(sql.isEmpty() ? "(" : " UNION ALL (")
                    .append("SELECT ").append(columns).append(" FROM ").append(table).append(rest).append(')');
            args.addAll(restArgs);
            if (limit != null) {
                args.add(limit);
            }
        }
        sql.append(AuditOrder.NEWEST_FIRST);
        if (limit != null) {
            sql.append(" LIMIT ?");
            args.add(limit);
        }
        return new Select(sql.toString(), args);
    }
}
