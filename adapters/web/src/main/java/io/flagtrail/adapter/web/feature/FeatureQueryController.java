package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.audit.AuditEntryResponse;
import io.flagtrail.adapter.web.http.CompatibilityScope;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.domain.project.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
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
 * {@code /api/v1/features}, the reads: VIEWER (and AUDITOR for one feature and its history). One feature carries its
 * version as ETag and answers 304 to an If-None-Match that names it.
 */
@Controller("/api/v1/features")
@CompatibilityScope
@ProblemResponses
@Tag(name = "Features")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeatureQueryController {

    private final FeatureRoutes routes;

    FeatureQueryController(FeatureRoutes routes) {
        this.routes = routes;
    }

    @Get
    @Secured("VIEWER")
    @Operation(operationId = "listFeatures", summary = "List features by key, filtered by status, tag or text")
    PageResponse<FeatureResponse> list(Authentication user, @Nullable @QueryValue String status, @Nullable @QueryValue String tag,
                                       @Nullable @QueryValue String q, @Nullable @QueryValue String limit,
                                       @Nullable @QueryValue String cursor) {
        return routes.list(Scope.COMPATIBILITY, user, status, tag, q, limit, cursor);
    }

    /** With {@code asOf} (an RFC 3339 instant) the feature as it was then, rebuilt from the audit trail. */
    @Get("/{key}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getFeature", summary = "One feature, now or as it was at an instant")
    @NotFoundResponse
    @ApiResponse(responseCode = "200", description = "the feature; ETag is its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeatureResponse.class)))
    @ApiResponse(responseCode = "304", description = "If-None-Match names the current version: nothing has changed")
    MutableHttpResponse<FeatureResponse> get(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                             @Nullable @QueryValue String asOf,
                                             @Nullable @Header("If-None-Match") String ifNoneMatch) {
        return routes.get(Scope.COMPATIBILITY, request, user, key, asOf, ifNoneMatch);
    }

    @Get("/{key}/history")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "featureHistory", summary = "A feature's audit entries, newest first")
    @NotFoundResponse
    PageResponse<AuditEntryResponse> history(HttpRequest<?> request, Authentication user, @PathVariable String key,
                                             @Nullable @QueryValue String limit,
                                             @Nullable @QueryValue String cursor) {
        return routes.history(Scope.COMPATIBILITY, request, user, key, limit, cursor);
    }
}
