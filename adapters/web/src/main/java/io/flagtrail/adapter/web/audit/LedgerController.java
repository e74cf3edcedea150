package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.audit.LedgerResponses.CheckpointView;
import io.flagtrail.adapter.web.audit.LedgerResponses.ConsistencyView;
import io.flagtrail.adapter.web.audit.LedgerResponses.InclusionView;
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
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
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
 * {@code /api/v1/audit}, the ledger's proofs for AUDITOR and ADMIN: the evidence bundle, verification, sealing status,
 * signed checkpoints and purge records; and the public keys that check checkpoints, for anyone.
 */
@Controller("/api/v1/audit")
@ProblemResponses
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUDITOR", "ADMIN"})
final class LedgerController {

    private final EvidenceBundleUseCase evidence;
    private final VerifyLedgerUseCase verify;
    private final LedgerStatusUseCase ledger;
    private final LedgerProofUseCase proofs;

    LedgerController(EvidenceBundleUseCase evidence, VerifyLedgerUseCase verify, LedgerStatusUseCase ledger,
                     LedgerProofUseCase proofs) {
        this.evidence = evidence;
        this.verify = verify;
        this.ledger = ledger;
        this.proofs = proofs;
    }

    /** RFC 9162 §2.1.3: the entry at {@code position} is in the tree of {@code size} (the latest checkpoint's). */
    @Get("/proofs/inclusion")
    @Operation(operationId = "inclusionProof", summary = "Prove an entry is in the tree a checkpoint signs")
    InclusionView inclusion(@Nullable @QueryValue String position, @Nullable @QueryValue String size) {
        return InclusionView.of(proofs.inclusion(Params.positiveLong("position", position),
                size == null ? null : Params.positiveLong("size", size)));
    }

    /** RFC 9162 §2.1.4: the tree of {@code to} (the latest checkpoint's) extends the tree of {@code from}. */
    @Get("/proofs/consistency")
    @Operation(operationId = "consistencyProof", summary = "Prove a later checkpoint's tree extends an earlier one's")
    ConsistencyView consistency(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return ConsistencyView.of(proofs.consistency(Params.positiveLong("from", from),
                to == null ? null : Params.positiveLong("to", to)));
    }

    /**
     * A zip that the offline verifier ({@code java -jar flagtrail.jar verify-bundle <file>}) checks without us; with
     * {@code project} (and {@code environment}) it also holds that place's entries on their own, checked complete.
     */
    @Get("/evidence")
    @Produces({"application/zip", MediaType.ALL})
    @Operation(operationId = "evidenceBundle", summary = "Download an evidence bundle that verifies offline")
    @ApiResponse(responseCode = "200", description = "a zip that `flagtrail verify-bundle` checks offline",
            content = @Content(mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "ledger.no_checkpoint: no checkpoint is signed yet (a fresh "
            + "installation's first comes within seconds)", content = @Content(mediaType = "application/problem+json",
            schema = @Schema(implementation = ProblemDetails.class)))
    MutableHttpResponse<Flux<byte[]>> evidence(HttpRequest<?> request, Authentication user,
                                               @Nullable @QueryValue String project,
                                               @Nullable @QueryValue String environment) {
        return Downloads.stream(evidence.bundle(AuditPlace.asked(project, environment), Origins.of(request, user)), MediaType.of("application/zip"),
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
}
