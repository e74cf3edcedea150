package io.flagtrail.adapter.web.audit;

import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.application.port.in.ChangeReportUseCase;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.error.InvalidInput;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
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
 * The change-management report of a project (or one environment of it) for a period: every change to a protected
 * environment's feature states, what covers it, and the completeness statement. AUDITOR or ADMIN; reading it is
 * recorded like any read of the audit trail.
 */
@Controller("/api/v1/projects/{project}/change-report")
@ProblemResponses
@Tag(name = "Audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AUDITOR", "ADMIN"})
final class ChangeReportController {

    private final ChangeReportUseCase reports;

    ChangeReportController(ChangeReportUseCase reports) {
        this.reports = reports;
    }

    @Get
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(operationId = "changeReport", summary = "Every change to protected environments in a period, what "
            + "covers it (an approved, scheduled or break-glass change request), and whether all are covered")
    @ApiResponse(responseCode = "200", description = "the report; format=csv (or Accept: text/csv) for a spreadsheet",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @NotFoundResponse
    MutableHttpResponse<?> report(HttpRequest<?> request, Authentication caller, @PathVariable String project,
                                  @Nullable @QueryValue String environment, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to, @Nullable @QueryValue String format) {
        var scope = Scopes.of(project, environment == null ? "production" : environment);
        if (from == null || to == null) {
            throw InvalidInput.of(from == null ? "from" : "to", "is required: an RFC 3339 instant");
        }
        var place = new AuditPlace(scope.project().value(), environment == null ? null : scope.environment().value());
        var report = reports.report(place, Params.instant("from", from), Params.instant("to", to),
                Origins.of(request, caller));
        boolean csv = "csv".equalsIgnoreCase(format) || format == null && request.getHeaders().accept().stream()
                .anyMatch(type -> type.getName().equals("text/csv"));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw InvalidInput.of("format", "must be json or csv");
        }
        return csv ? HttpResponse.ok(reports.csv(report)).contentType("text/csv")
                : HttpResponse.ok(report.json()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
