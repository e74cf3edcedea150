package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.audit.AuditEntryResponse;
import io.flagtrail.adapter.web.http.ChangeResponses;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.application.port.in.FeatureTransition;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
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
 * The features of one project as one of its environments shows them:
 * {@code /api/v1/projects/{project}/environments/{environment}/features}. The same routes and answers as
 * {@code /api/v1/features} (which is this for {@code default}/{@code production}): reads for VIEWER (one feature and
 * its history for AUDITOR too), changes for EDITOR. A state change (on, off, rollout, rules, default and off variant)
 * changes this environment only; a definition change (name, description, tags, owner, variants, delete, restore)
 * every environment of the project. The ETag and If-Match are this environment's version.
 */
@Controller("/api/v1/projects/{project}/environments/{environment}/features")
@ProblemResponses
@Tag(name = "Features")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EnvironmentFeatureController {

    private static final String REASON_HEADER = ReasonRequest.HEADER;

    private final FeatureRoutes routes;

    EnvironmentFeatureController(FeatureRoutes routes) {
        this.routes = routes;
    }

    @Get
    @Secured("VIEWER")
    @Operation(operationId = "listEnvironmentFeatures", summary = "List a project's features as an environment shows them")
    @NotFoundResponse
    PageResponse<FeatureResponse> list(Authentication user, @PathVariable String project, @PathVariable String environment,
                                       @Nullable @QueryValue String status, @Nullable @QueryValue String tag,
                                       @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String cursor) {
        return routes.list(Scopes.of(project, environment), user, status, tag, q, limit, cursor);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    @Operation(operationId = "createEnvironmentFeature", summary = "Create a feature in the project (in every "
            + "environment; on in this one when enabled is given)")
    @ApiResponse(responseCode = "201", description = "created; Location names it in this environment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeatureResponse.class)))
    @ApiResponse(responseCode = "409", description = "the project has a feature with this key",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @NotFoundResponse
    MutableHttpResponse<FeatureResponse> create(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                @PathVariable String environment, @Body CreateFeatureRequest body,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.create(Scopes.of(project, environment), request, user, body, reasonHeader);
    }

    /** With {@code asOf} (an RFC 3339 instant) the feature as this environment showed it then. */
    @Get("/{key}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getEnvironmentFeature", summary = "One feature as this environment shows it, now or at an instant")
    @NotFoundResponse
    @ApiResponse(responseCode = "200", description = "the feature; ETag is this environment's version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeatureResponse.class)))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current version: nothing has changed")
    MutableHttpResponse<FeatureResponse> get(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                             @PathVariable String environment, @PathVariable String key,
                                             @Nullable @QueryValue String asOf,
                                             @Nullable @Header("If-None-Match") String ifNoneMatch) {
        return routes.get(Scopes.of(project, environment), request, user, key, asOf, ifNoneMatch);
    }

    @Get("/{key}/history")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "environmentFeatureHistory", summary = "A feature's audit entries in this environment, newest first")
    @NotFoundResponse
    PageResponse<AuditEntryResponse> history(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                             @PathVariable String environment, @PathVariable String key,
                                             @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        return routes.history(Scopes.of(project, environment), request, user, key, limit, cursor);
    }

    @Patch("/{key}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Secured("EDITOR")
    @Operation(operationId = "updateEnvironmentFeature", summary = "Change a feature as this environment shows it "
            + "(its state here; name, tags, owner and variants everywhere)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> update(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                @PathVariable String environment, @PathVariable String key,
                                                @Body UpdateFeatureRequest body,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.update(Scopes.of(project, environment), request, user, key, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/enable")
    @Secured("EDITOR")
    @Operation(operationId = "enableEnvironmentFeature", summary = "Switch a feature on in this environment")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> enable(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                @PathVariable String environment, @PathVariable String key,
                                                @Nullable @Body ReasonRequest body,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scopes.of(project, environment), request, user, key,
                FeatureTransition.ENABLE, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/disable")
    @Secured("EDITOR")
    @Operation(operationId = "disableEnvironmentFeature", summary = "Switch a feature off in this environment")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> disable(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                 @PathVariable String environment, @PathVariable String key,
                                                 @Nullable @Body ReasonRequest body,
                                                 @Nullable @Header("If-Match") String ifMatch,
                                                 @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scopes.of(project, environment), request, user, key,
                FeatureTransition.DISABLE, body, ifMatch, reasonHeader);
    }

    @Post("/{key}/restore")
    @Secured("EDITOR")
    @Operation(operationId = "restoreEnvironmentFeature", summary = "Bring a deleted feature back (in every environment)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> restore(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                 @PathVariable String environment, @PathVariable String key,
                                                 @Nullable @Body ReasonRequest body,
                                                 @Nullable @Header("If-Match") String ifMatch,
                                                 @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scopes.of(project, environment), request, user, key,
                FeatureTransition.RESTORE, body, ifMatch, reasonHeader);
    }

    @Delete("/{key}")
    @Secured("EDITOR")
    @Operation(operationId = "deleteEnvironmentFeature", summary = "Delete a feature softly (in every environment; "
            + "it keeps its history and can be restored)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<FeatureResponse> delete(HttpRequest<?> request, Authentication user, @PathVariable String project,
                                                @PathVariable String environment, @PathVariable String key,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(REASON_HEADER) String reasonHeader) {
        return routes.transition(Scopes.of(project, environment), request, user, key,
                FeatureTransition.DELETE, null, ifMatch, reasonHeader);
    }
}
