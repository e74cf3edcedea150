package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.audit.LedgerResponses.CheckpointView;
import io.flagtrail.adapter.web.audit.LedgerResponses.KeyView;
import io.flagtrail.adapter.web.audit.LedgerResponses.KeysView;
import io.flagtrail.adapter.web.audit.LedgerResponses.PurgeView;
import io.flagtrail.adapter.web.audit.LedgerResponses.ReportView;
import io.flagtrail.adapter.web.audit.LedgerResponses.StatusView;
import io.flagtrail.adapter.web.audit.LedgerResponses.VerifyRequest;
import io.flagtrail.adapter.web.http.AnonymousOperation;
import io.flagtrail.adapter.web.http.Downloads;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.RequestIds;
import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.error.NotFound;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;

/**
 * {@code /api/v1/audit}: the audit trail for AUDITOR and ADMIN — query, export, evidence bundle, verification,
 * sealing status and checkpoints — and the public keys that check checkpoints, for anyone.
 * Every read of entries is itself recorded in the trail.
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
    private final EvidenceBundleUseCase evidence;
    private final VerifyLedgerUseCase verify;
    private final LedgerStatusUseCase ledger;

    AuditController(QueryAuditUseCase audit, ExportAuditUseCase export, EvidenceBundleUseCase evidence,
                    VerifyLedgerUseCase verify, LedgerStatusUseCase ledger) {
        this.audit = audit;
        this.export = export;
        this.evidence = evidence;
        this.verify = verify;
        this.ledger = ledger;
    }

    @Get
    @Operation(operationId = "queryAudit", summary = "Search the audit trail, newest first")
    PageResponse<AuditEntryResponse> query(HttpRequest<?> request, Authentication user,
                                           @Nullable @QueryValue String subjectType,
                                           @Nullable @QueryValue String subjectId,
                                           @Nullable @QueryValue String subjectKey,
                                           @Nullable @QueryValue String actorId,
                                           @Nullable @QueryValue String action,
                                           @Nullable @QueryValue String category,
                                           @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String limit,
                                           @Nullable @QueryValue String cursor) {
        var query = query(subjectType, subjectId, subjectKey, actorId, action, category, from, to, Params.limit(limit), cursor);
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
                                             @Nullable @QueryValue String subjectType,
                                             @Nullable @QueryValue String subjectId,
                                             @Nullable @QueryValue String subjectKey,
                                             @Nullable @QueryValue String actorId,
                                             @Nullable @QueryValue String action,
                                             @Nullable @QueryValue String category,
                                             @Nullable @QueryValue String from,
                                             @Nullable @QueryValue String to) {
        var chosen = Params.enumValue(ExportAuditUseCase.Format.class, "format", format);
        var kind = chosen != null ? chosen : accepted(request);
        var query = query(subjectType, subjectId, subjectKey, actorId, action, category, from, to, Page.MAX_LIMIT, null);
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

    /** A zip that the offline verifier ({@code java -jar flagtrail.jar verify-bundle <file>}) checks without us. */
    @Get("/evidence")
    @Produces({"application/zip", MediaType.ALL})
    @Operation(operationId = "evidenceBundle", summary = "Download an evidence bundle that verifies offline")
    @ApiResponse(responseCode = "200", description = "a zip that `flagtrail verify-bundle` checks offline",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    MutableHttpResponse<Flux<byte[]>> evidence(HttpRequest<?> request, Authentication user) {
        return Downloads.stream(evidence.bundle(Origins.of(request, user)), MediaType.of("application/zip"),
                "flagtrail-evidence.zip");
    }

    @Post("/verify")
    @Operation(operationId = "verifyLedger", summary = "Verify the hash chain and checkpoint signatures over a range")
    ReportView verify(HttpRequest<?> request, Authentication user, @Nullable @Body VerifyRequest body) {
        var range = body == null ? new VerifyRequest(null, null) : body;
        return ReportView.of(verify.verify(new VerifyLedgerUseCase.VerifyLedgerCommand(range.from(), range.to(),
                Origins.of(request, user))));
    }

    @Get("/status")
    @Operation(operationId = "ledgerStatus", summary = "The ledger: size, sealing lag, latest checkpoint, purges")
    StatusView status() {
        return StatusView.of(ledger.status());
    }

    @Get("/checkpoints/latest")
    @Operation(operationId = "latestCheckpoint", summary = "The latest signed checkpoint")
    @NotFoundResponse
    CheckpointView latestCheckpoint() {
        var latest = ledger.status().latestCheckpoint();
        if (latest == null) {
            throw new NotFound("ledger.no_checkpoint", "no checkpoint has been signed yet");
        }
        return CheckpointView.of(latest);
    }

    @Get("/checkpoints")
    @Operation(operationId = "listCheckpoints", summary = "Signed checkpoints, newest first")
    PageResponse<CheckpointView> checkpoints(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        int size = Params.limit(limit);
        Long below = cursor == null ? null : Params.positiveLong("cursor", cursor);
        var found = ledger.checkpoints(size, below);
        String next = found.size() == size ? String.valueOf(found.getLast().size()) : null;
        return new PageResponse<>(found.stream().map(CheckpointView::of).toList(), next);
    }

    /** Signed records of what retention purged, newest first: each says which positions went and which stayed. */
    @Get("/purges")
    @Operation(operationId = "listPurges", summary = "Signed records of what retention purged")
    PageResponse<PurgeView> purges(@Nullable @QueryValue String limit) {
        return new PageResponse<>(ledger.purges(Params.limit(limit)).stream().map(PurgeView::of).toList(), null);
    }

    /** Public keys are public: anyone may fetch them to check a checkpoint published elsewhere. */
    @Get("/keys")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @AnonymousOperation
    @Operation(operationId = "ledgerPublicKeys", summary = "The public keys that verify checkpoints (anonymous)")
    KeysView keys() {
        return new KeysView(ledger.publicKeys().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> new KeyView(e.getKey(), "Ed25519", e.getValue())).toList());
    }

    private static AuditQuery query(String subjectType, String subjectId, String subjectKey, String actorId,
                                    String action, String category, String from, String to, int limit, String cursor) {
        return new AuditQuery(subjectType, subjectId, subjectKey, actorId,
                Params.enumValue(AuditAction.class, "action", action),
                Params.enumValue(AuditCategory.class, "category", category),
                Params.instant("from", from), Params.instant("to", to), limit, cursor);
    }

}
