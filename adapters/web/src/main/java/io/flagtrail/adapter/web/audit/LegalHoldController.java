package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase.PlaceLegalHoldCommand;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.ledger.LegalHold;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/audit/holds}: legal holds that keep a subject's ledger entries out of retention purges. ADMIN places
 * and releases them; AUDITOR and ADMIN read them. Placing and releasing are recorded in the ledger.
 */
@Controller("/api/v1/audit/holds")
@ProblemResponses
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LegalHoldController {

    @Serdeable
    @Schema(name = "PlaceHoldRequest")
    record PlaceHoldRequest(@Nullable String subjectType, @Nullable String subjectId, @Nullable String reason) {
    }

    @Serdeable
    @Schema(name = "LegalHold")
    record HoldView(UUID id, String subjectType, String subjectId, String reason, boolean active, Instant placedAt,
                    String placedBy, @Nullable Instant releasedAt, @Nullable String releasedBy) {
        static HoldView of(LegalHold h) {
            return new HoldView(h.id(), h.subjectType(), h.subjectId(), h.reason(), h.active(), h.placedAt(),
                    h.placedBy(), h.releasedAt(), h.releasedBy());
        }
    }

    private final ManageLegalHoldsUseCase holds;

    LegalHoldController(ManageLegalHoldsUseCase holds) {
        this.holds = holds;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    @Operation(operationId = "placeLegalHold", summary = "Keep a subject's entries from retention")
    @ApiResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = HoldView.class)))
    MutableHttpResponse<HoldView> place(HttpRequest<?> request, Authentication user, @Body PlaceHoldRequest body) {
        var hold = holds.place(new PlaceLegalHoldCommand(body.subjectType(), body.subjectId(), body.reason(),
                Origins.of(request, user)));
        return HttpResponse.created(HoldView.of(hold), URI.create("/api/v1/audit/holds/" + hold.id()));
    }

    /** Releasing lets the next purge remove the subject's expired entries; a reason is recorded when given. */
    @Post("/{id}/release")
    @Secured("ADMIN")
    @Operation(operationId = "releaseLegalHold", summary = "Release a legal hold")
    @NotFoundResponse
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "the hold is released already",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetails.class)))
    HoldView release(HttpRequest<?> request, Authentication user, @PathVariable String id,
                     @Nullable @Body ReasonRequest body) {
        return HoldView.of(holds.release(holdId(id), body == null ? null : body.reason(), Origins.of(request, user)));
    }

    @Get
    @Secured({"AUDITOR", "ADMIN"})
    @Operation(operationId = "listLegalHolds", summary = "Legal holds, active or all")
    PageResponse<HoldView> list(@Nullable @QueryValue Boolean active) {
        List<HoldView> found = holds.list(Boolean.TRUE.equals(active)).stream().map(HoldView::of).toList();
        return new PageResponse<>(found, null);
    }

    private static UUID holdId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "must be a legal hold id (a UUID)");
        }
    }
}
