package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.http.CompatibilityScope;
import io.flagtrail.adapter.web.http.ChangeResponses;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/features}, the changes: EDITOR (and ADMIN through the role hierarchy). Every answer carries the
 * feature's version as ETag; a change accepts If-Match for optimistic concurrency. A reason can come in the body's
 * {@code reason} or in the {@code X-Change-Reason} header. The reads are {@link FeatureQueryController}'s. These are
 * the compatibility routes (ADR 0012): they address the default project's production environment.
 */
@Controller("/api/v1/features")
@CompatibilityScope
@ProblemResponses
@Tag(name = "Features")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeatureController {

    static final String REASON_HEADER = ReasonRequest.HEADER;

    private final FeatureRoutes routes;

    FeatureController(FeatureRoutes routes) {
        this.routes = routes;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    @Operation(operationId = "createFeature", summary = "Create a feature (audited; switched off unless enabled is given)")
    @ApiResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeatureResponse.class)))
    @ApiResponse(responseCode = "409", description = "the key or e-mail is taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    MutableHttpResponse<FeatureResponse> create(HttpRequest<?> request, Authentication user,
                                                @Body CreateFeatureRequest body,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.create(Scope.COMPATIBILITY, request, user, body, reasonHeader);
    }

    @Patch("/{key}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Secured("EDITOR")
    @Operation(operationId = "updateFeature", summary = "Change some of a feature's fields, targeting included")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> update(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                                @Body UpdateFeatureRequest body,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.update(Scope.COMPATIBILITY, request, user, key, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/enable")
    @Secured("EDITOR")
    @Operation(operationId = "enableFeature", summary = "Switch a feature on")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> enable(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                                @Nullable @Body ReasonRequest body,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scope.COMPATIBILITY, request, user, key, FeatureTransition.ENABLE, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/disable")
    @Secured("EDITOR")
    @Operation(operationId = "disableFeature", summary = "Switch a feature off")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> disable(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                                 @Nullable @Body ReasonRequest body,
                                                 @Nullable @Header("If-Match") String ifMatch,
                                                 @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scope.COMPATIBILITY, request, user, key, FeatureTransition.DISABLE, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/restore")
    @Secured("EDITOR")
    @Operation(operationId = "restoreFeature", summary = "Bring a deleted feature back as it was")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> restore(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                                 @Nullable @Body ReasonRequest body,
                                                 @Nullable @Header("If-Match") String ifMatch,
                                                 @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scope.COMPATIBILITY, request, user, key, FeatureTransition.RESTORE, body, ifMatch, reasonHeader);
    }

    /** Soft delete: the feature stays readable, keeps its history and can be restored. */
    @Delete("/{key}")
    @Secured("EDITOR")
    @Operation(operationId = "deleteFeature", summary = "Delete a feature softly (it keeps its history and can be restored)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> delete(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scope.COMPATIBILITY, request, user, key, FeatureTransition.DELETE, null, ifMatch, reasonHeader);
    }
}
