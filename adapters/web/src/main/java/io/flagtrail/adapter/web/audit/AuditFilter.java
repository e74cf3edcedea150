package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.audit.AuditPlace;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/**
 * The query parameters that choose audit entries, shared by the query and the export: all optional, all strings, so
 * that a malformed one is refused by {@link Params} with a problem naming it rather than by the binder.
 */
@Introspected
record AuditFilter(@Nullable @QueryValue String subjectType, @Nullable @QueryValue String subjectId,
                   @Nullable @QueryValue String subjectKey, @Nullable @QueryValue String actorId,
                   @Nullable @QueryValue String action, @Nullable @QueryValue String category,
                   @Nullable @QueryValue String project, @Nullable @QueryValue String environment,
                   @Nullable @QueryValue String from, @Nullable @QueryValue String to) {

    AuditQuery query(int limit, String cursor) {
        AuditPlace.asked(project, environment);
        return new AuditQuery(subjectType, subjectId, subjectKey, actorId,
                Params.enumValue(AuditAction.class, "action", action),
                Params.enumValue(AuditCategory.class, "category", category), project, environment,
                Params.instant("from", from), Params.instant("to", to), limit, cursor);
    }
}
