package io.flagtrail.adapter.web;

import io.flagtrail.application.port.in.AuditQuery;
import io.flagtrail.application.port.in.Page;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** {@code /api/v1/audit}: the audit trail for AUDITOR and ADMIN, newest first, filtered and paged by cursor. */
@Controller("/api/v1/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUDITOR", "ADMIN"})
final class AuditController {

    private final QueryAuditUseCase audit;

    AuditController(QueryAuditUseCase audit) {
        this.audit = audit;
    }

    @Get
    PageResponse<AuditEntryResponse> query(@Nullable @QueryValue String subjectType,
                                           @Nullable @QueryValue String subjectId,
                                           @Nullable @QueryValue String subjectKey,
                                           @Nullable @QueryValue String actorId,
                                           @Nullable @QueryValue String action,
                                           @Nullable @QueryValue String category,
                                           @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to,
                                           @Nullable @QueryValue Integer limit,
                                           @Nullable @QueryValue String cursor) {
        var page = audit.query(new AuditQuery(subjectType, subjectId, subjectKey, actorId,
                Params.enumValue(AuditAction.class, "action", action),
                Params.enumValue(AuditCategory.class, "category", category),
                Params.instant("from", from), Params.instant("to", to), Page.limit(limit), cursor));
        return new PageResponse<>(page.items().stream().map(AuditEntryResponse::from).toList(), page.nextCursor());
    }
}
