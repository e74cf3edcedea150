package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.audit.LedgerResponses.CheckpointView;
import io.flagtrail.adapter.web.http.AnonymousOperation;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.application.port.in.CosignCheckpointUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.ledger.Cosignature;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/witness}: this instance as a witness of other Flagtrail logs (docs/witness.md). Anyone may call it:
 * the log's key authenticates a checkpoint and the consistency proof its history, so a caller can only ever add a
 * genuine extension of what the witness holds; the public keys that check the cosignatures are
 * {@code /api/v1/audit/keys}.
 */
@Controller("/api/v1/witness")
@ProblemResponses
@Tag(name = "Witness")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
final class WitnessController {

    private final CosignCheckpointUseCase witness;

    WitnessController(CosignCheckpointUseCase witness) {
        this.witness = witness;
    }

    @Post("/{origin}/checkpoints")
    @AnonymousOperation
    @Operation(operationId = "addWitnessedCheckpoint", summary = "Offer a log's checkpoint to this witness "
            + "(C2SP tlog-witness add-checkpoint): taken and countersigned only if it extends what is held")
    @NotFoundResponse
    @ApiResponse(responseCode = "409", description = "oldSize is not the size the witness holds (read it and prove "
            + "again), or the checkpoint is older than, or forks from, the one held",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetails.class)))
    WitnessedView add(@PathVariable String origin, @Body AddCheckpointRequest body) {
        if (body.checkpoint() == null || body.oldSize() == null || body.oldSize() < 0) {
            throw InvalidInput.of(body.checkpoint() == null ? "checkpoint" : "oldSize",
                    "a checkpoint and the size of the one the witness holds (0 for none) are required");
        }
        var consistency = body.consistency() == null ? List.<String>of() : body.consistency();
        return WitnessedView.of(witness.add(origin, body.oldSize(), consistency, body.checkpoint().checkpoint()));
    }

    @Get("/{origin}/checkpoints/latest")
    @AnonymousOperation
    @Operation(operationId = "latestWitnessedCheckpoint", summary = "The newest checkpoint of a log this witness "
            + "holds, with its cosignature")
    @NotFoundResponse
    WitnessedView latest(@PathVariable String origin) {
        return WitnessedView.of(witness.latest(origin));
    }

    /** {@code consistency}: RFC 9162 §2.1.4 proof, hex, from the checkpoint of {@code oldSize} to this one. */
    @Serdeable
    @Schema(name = "AddWitnessedCheckpoint")
    record AddCheckpointRequest(@Nullable Long oldSize, @Nullable List<String> consistency,
                                @Nullable CheckpointView checkpoint) {
    }

    @Serdeable
    @Schema(name = "Cosignature")
    record CosignatureView(String origin, String checkpoint, Instant timestamp, String keyId, String signature) {
    }

    @Serdeable
    @Schema(name = "WitnessedCheckpoint")
    record WitnessedView(CheckpointView checkpoint, CosignatureView cosignature) {
        static WitnessedView of(CosignedCheckpoint w) {
            Cosignature c = w.cosignature();
            return new WitnessedView(CheckpointView.of(w.checkpoint()),
                    new CosignatureView(c.origin(), c.checkpoint(), c.timestamp(), c.keyId(), c.signature()));
        }
    }
}
