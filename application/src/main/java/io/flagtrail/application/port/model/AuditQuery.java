package io.flagtrail.application.port.model;

import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import java.time.Instant;

/**
 * Which audit entries to read, newest first: every filter is optional and they combine with AND.
 * {@code from} is inclusive and {@code to} exclusive. {@code project} and {@code environment} choose the entries
 * placed there ({@link io.flagtrail.domain.audit.AuditPlace}): an environment is only asked with its project.
 */
public record AuditQuery(String subjectType, String subjectId, String subjectKey, String actorId,
                         AuditAction action, AuditCategory category, String project, String environment,
                         Instant from, Instant to, int limit, String cursor) {

    public AuditQuery {
        limit = Page.limit(limit);
    }

    /** A query that asks no place. */
    public AuditQuery(String subjectType, String subjectId, String subjectKey, String actorId, AuditAction action,
                      AuditCategory category, Instant from, Instant to, int limit, String cursor) {
        this(subjectType, subjectId, subjectKey, actorId, action, category, null, null, from, to, limit, cursor);
    }

    /** Every entry about one subject. */
    public static AuditQuery forSubject(String type, String id, int limit, String cursor) {
        return new AuditQuery(type, id, null, null, null, null, null, null, limit, cursor);
    }
}
