package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.application.port.model.AuditQuery;
import java.time.ZoneOffset;
import java.util.List;

/** The WHERE clause of an audit query, shared by paged reads and streamed exports. */
final class AuditFilters {

    private AuditFilters() {
    }

    /** Appends {@code AND …} conditions for every filter set in the query, and their arguments. */
    static void where(AuditQuery query, StringBuilder select, List<Object> args) {
        equal(select, args, "subject_type", query.subjectType());
        equal(select, args, "subject_id", query.subjectId());
        equal(select, args, "subject_key", query.subjectKey());
        equal(select, args, "actor_id", query.actorId());
        equal(select, args, "action", query.action() == null ? null : query.action().name());
        equal(select, args, "category", query.category() == null ? null : query.category().name());
        equal(select, args, "project_key", query.project());
        equal(select, args, "env_key", query.environment());
        if (query.from() != null) {
            select.append(" AND occurred_at >= ?");
            args.add(query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            select.append(" AND occurred_at < ?");
            args.add(query.to().atOffset(ZoneOffset.UTC));
        }
    }

    private static void equal(StringBuilder select, List<Object> args, String column, String value) {
        if (value != null) {
            select.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
