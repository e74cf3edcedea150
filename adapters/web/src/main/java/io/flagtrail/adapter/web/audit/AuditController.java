package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.http.Downloads;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.RequestIds;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.model.Page;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

/**
 * {@code /api/v1/audit}, the entries: query and export, for AUDITOR and ADMIN. Every read of entries is itself
 * recorded in the trail. The ledger's proofs (evidence, verification, checkpoints, keys) are {@link LedgerController}'s.
 */
@Controller("/api/v1/audit")
@ProblemResponses
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUDITOR", "ADMIN"})
final class AuditController {

    static final MediaType NDJSON = MediaType.of("application/x-ndjson");

    private final QueryAuditUseCase audit;
    private final ExportAuditUseCase export;

    AuditController(QueryAuditUseCase audit, ExportAuditUseCase export) {
        this.audit = audit;
        this.export = export;
    }

    @Get
    @Operation(operationId = "queryAudit", summary = "Search the audit trail, newest first")
    PageResponse<AuditEntryResponse> query(HttpRequest<?> request, Authentication user,
                                           @RequestBean AuditFilter filter,
                                           @Nullable @QueryValue String limit,
                                           @Nullable @QueryValue String cursor) {
        var query = filter.query(Params.limit(limit), cursor);
        var page = audit.query(query, Origins.of(request, user));
        return new PageResponse<>(page.items().stream().map(AuditEntryResponse::from).toList(), page.nextCursor());
    }

    /**
     * Every matching entry, newest first, streamed: NDJSON lines re-hash to their {@code hash}; CSV is for spreadsheets.
     * {@code format} chooses; without it the Accept header does ({@code text/csv} or {@code application/x-ndjson}),
     * and NDJSON is the default.
     */
    @Get("/export")
    @Produces({"application/x-ndjson", "text/csv", MediaType.ALL})
    @Operation(operationId = "exportAudit", summary = "Export matching entries as NDJSON or CSV, streamed")
    @ApiResponse(responseCode = "200", description = "one entry per line (NDJSON; each re-hashes to its hash) or per row (CSV)",
            content = {@Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    MutableHttpResponse<Flux<byte[]>> export(HttpRequest<?> request, Authentication user,
                                             @Nullable @QueryValue String format,
                                             @RequestBean AuditFilter filter) {
        var chosen = Params.enumValue(ExportAuditUseCase.Format.class, "format", format);
        var kind = chosen != null ? chosen : accepted(request);
        var query = filter.query(Page.MAX_LIMIT, null);
        var download = export.export(query, kind, Origins.of(request, user));
        String requestId = RequestIds.of(request);
        return kind == ExportAuditUseCase.Format.CSV
                ? Downloads.stream(download, MediaType.of("text/csv; charset=utf-8"), "flagtrail-audit.csv",
                        Downloads.csvFailure(requestId))
                : Downloads.stream(download, NDJSON, "flagtrail-audit.ndjson", Downloads.ndjsonFailure(requestId));
    }

    /** The export format the Accept header asks for: CSV when it names text/csv before any NDJSON, else NDJSON. */
    private static ExportAuditUseCase.Format accepted(HttpRequest<?> request) {
        for (var type : request.accept()) {
            if (type.getName().equals("text/csv")) {
                return ExportAuditUseCase.Format.CSV;
            }
            if (type.getName().equals("application/x-ndjson")) {
                return ExportAuditUseCase.Format.NDJSON;
            }
        }
        return ExportAuditUseCase.Format.NDJSON;
    }
}
