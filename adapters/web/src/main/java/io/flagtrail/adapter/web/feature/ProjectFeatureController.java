package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.audit.AuditEntryResponse;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.ProjectKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * {@code /api/v1/projects/{project}/features/{key}}: a feature with its state in every environment of its project at
 * once, and its history across them, for people (VIEWER, AUDITOR). An API key reaches one environment only, so it is
 * refused here (403).
 */
@Controller("/api/v1/projects/{project}/features")
@ProblemResponses
@Tag(name = "Features")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectFeatureController {

    private final GetFeatureUseCase get;
    private final FeatureHistoryUseCase history;

    ProjectFeatureController(GetFeatureUseCase get, FeatureHistoryUseCase history) {
        this.get = get;
        this.history = history;
    }

    @Get("/{key}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getFeatureEverywhere", summary = "A feature with its state in every environment")
    @NotFoundResponse
    FeatureEverywhereResponse get(Authentication caller, @PathVariable String project, @PathVariable String key) {
        if (Origins.isApiKey(caller)) {
            throw new PermissionDenied("api_key.other_environment",
                    "an API key reaches one environment: read the feature under its environment's path");
        }
        return FeatureEverywhereResponse.of(get.everywhere(new ProjectKey(project), new FeatureKey(key)));
    }

    @Get("/{key}/history")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "featureHistoryEverywhere", summary = "A feature's audit entries in every environment, "
            + "newest first (each names its environment)")
    @NotFoundResponse
    PageResponse<AuditEntryResponse> history(HttpRequest<?> request, Authentication caller, @PathVariable String project,
                                             @PathVariable String key, @Nullable @QueryValue String limit,
                                             @Nullable @QueryValue String cursor) {
        if (Origins.isApiKey(caller)) {
            throw new PermissionDenied("api_key.other_environment",
                    "an API key reaches one environment: read the history under its environment's path");
        }
        var page = history.historyEverywhere(new ProjectKey(project), new FeatureKey(key), Params.limit(limit), cursor,
                Origins.of(request, caller));
        return new PageResponse<>(page.items().stream().map(AuditEntryResponse::from).toList(), page.nextCursor());
    }
}
