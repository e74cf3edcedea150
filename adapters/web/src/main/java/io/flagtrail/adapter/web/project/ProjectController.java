package io.flagtrail.adapter.web.project;

import io.flagtrail.adapter.web.http.ChangeResponses;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.adapter.web.http.Versions;
import io.flagtrail.adapter.web.project.ProjectViews.CreateEnvironmentRequest;
import io.flagtrail.adapter.web.project.ProjectViews.CreateProjectRequest;
import io.flagtrail.adapter.web.project.ProjectViews.EnvironmentResponse;
import io.flagtrail.adapter.web.project.ProjectViews.ProjectResponse;
import io.flagtrail.adapter.web.project.ProjectViews.UpdateEnvironmentRequest;
import io.flagtrail.adapter.web.project.ProjectViews.UpdateProjectRequest;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeProject;
import io.flagtrail.application.port.in.ProjectUseCases.CreateEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.CreateProject;
import io.flagtrail.application.port.in.ProjectUseCases.DeleteEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.ManageProjectsUseCase;
import io.flagtrail.application.port.in.ProjectUseCases.ProjectView;
import io.flagtrail.application.port.in.ProjectUseCases.ReadProjectsUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.ProjectKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.http.annotation.QueryValue;
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
import java.net.URI;

/**
 * {@code /api/v1/projects}: projects and their environments. Every role reads them; ADMIN creates and changes them.
 * Every answer that shows one project or environment carries its version as ETag, and a change accepts If-Match.
 * A reason comes in the body's {@code reason} or in {@code X-Change-Reason} (the only place for a DELETE, which
 * requires one). An unknown project or environment is a 404 naming which.
 */
@Controller("/api/v1/projects")
@ProblemResponses
@Tag(name = "Projects")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ProjectController {

    private final ReadProjectsUseCase read;
    private final ManageProjectsUseCase manage;

    ProjectController(ReadProjectsUseCase read, ManageProjectsUseCase manage) {
        this.read = read;
        this.manage = manage;
    }

    @Get
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "listProjects", summary = "List projects, each with its environments")
    PageResponse<ProjectResponse> list() {
        return new PageResponse<>(read.list().stream().map(ProjectResponse::of).toList(), null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    @Operation(operationId = "createProject", summary = "Create a project; it starts with development and production")
    @ApiResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProjectResponse.class)))
    @ApiResponse(responseCode = "409", description = "the key is taken", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    MutableHttpResponse<ProjectResponse> create(HttpRequest<?> request, Authentication admin,
                                                @Body CreateProjectRequest body,
                                                @Nullable @Header(ReasonRequest.HEADER) String reasonHeader) {
        var created = manage.create(new CreateProject(projectKey(body.key()), body.name(), body.description(),
                body.owner(), reason(body.reason(), reasonHeader), Origins.of(request, admin)));
        return withEtag(HttpResponse.created(ProjectResponse.of(created),
                URI.create("/api/v1/projects/" + created.project().key())), created);
    }

    @Get("/{project}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getProject", summary = "A project with its environments")
    @NotFoundResponse
    MutableHttpResponse<ProjectResponse> get(@PathVariable String project) {
        var view = read.get(projectKey(project));
        return withEtag(HttpResponse.ok(ProjectResponse.of(view)), view);
    }

    @Patch("/{project}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Secured("ADMIN")
    @Operation(operationId = "updateProject", summary = "Change a project's name, description or owner")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ProjectResponse> update(HttpRequest<?> request, Authentication admin,
                                                @PathVariable String project, @Body UpdateProjectRequest body,
                                                @Nullable @Header("If-Match") String ifMatch,
                                                @Nullable @Header(ReasonRequest.HEADER) String reasonHeader) {
        var changed = manage.change(new ChangeProject(projectKey(project), body.name(), body.description(),
                body.owner(), Versions.fromIfMatch(ifMatch), reason(body.reason(), reasonHeader),
                Origins.of(request, admin)));
        return withEtag(HttpResponse.ok(ProjectResponse.of(changed)), changed);
    }

    @Get("/{project}/environments")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "listEnvironments", summary = "A project's environments, in their order")
    @NotFoundResponse
    PageResponse<EnvironmentResponse> environments(@PathVariable String project) {
        return new PageResponse<>(read.get(projectKey(project)).environments().stream()
                .map(EnvironmentResponse::of).toList(), null);
    }

    @Post("/{project}/environments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("ADMIN")
    @Operation(operationId = "createEnvironment", summary = "Add an environment to a project")
    @ApiResponse(responseCode = "201", description = "created; Location names it", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = EnvironmentResponse.class)))
    @ApiResponse(responseCode = "409", description = "the project has an environment with this key", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    @NotFoundResponse
    MutableHttpResponse<EnvironmentResponse> createEnvironment(HttpRequest<?> request, Authentication admin,
                                                               @PathVariable String project,
                                                               @Body CreateEnvironmentRequest body,
                                                               @Nullable @Header(ReasonRequest.HEADER) String reasonHeader) {
        var key = projectKey(project);
        if (body.type() == null) {
            throw InvalidInput.of("type", "must be one of development, test, staging, production");
        }
        var created = manage.create(new CreateEnvironment(key, environmentKey(body.key()), body.name(),
                EnvironmentType.of("type", body.type()), body.sortOrder(),
                body.approvalPolicy() == null ? null : body.approvalPolicy().policy(),
                body.cloneFrom() == null ? null : environmentKey(body.cloneFrom()), reason(body.reason(), reasonHeader),
                Origins.of(request, admin)));
        return withEtag(HttpResponse.created(EnvironmentResponse.of(created),
                URI.create("/api/v1/projects/" + key + "/environments/" + created.key())), created);
    }

    @Get("/{project}/environments/{environment}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getEnvironment", summary = "One environment of a project")
    @NotFoundResponse
    MutableHttpResponse<EnvironmentResponse> environment(@PathVariable String project, @PathVariable String environment) {
        var found = read.environment(projectKey(project), environmentKey(environment));
        return withEtag(HttpResponse.ok(EnvironmentResponse.of(found)), found);
    }

    @Patch("/{project}/environments/{environment}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Secured("ADMIN")
    @Operation(operationId = "updateEnvironment", summary = "Change an environment's name, type, order or approval policy")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<EnvironmentResponse> updateEnvironment(HttpRequest<?> request, Authentication admin,
                                                               @PathVariable String project,
                                                               @PathVariable String environment,
                                                               @Body UpdateEnvironmentRequest body,
                                                               @Nullable @Header("If-Match") String ifMatch,
                                                               @Nullable @Header(ReasonRequest.HEADER) String reasonHeader) {
        var changed = manage.change(new ChangeEnvironment(projectKey(project), environmentKey(environment),
                body.name(), body.type() == null ? null : EnvironmentType.of("type", body.type()), body.sortOrder(),
                body.approvalPolicy() == null ? null : body.approvalPolicy().policy(), Versions.fromIfMatch(ifMatch), reason(body.reason(), reasonHeader),
                Origins.of(request, admin)));
        return withEtag(HttpResponse.ok(EnvironmentResponse.of(changed)), changed);
    }

    /**
     * Removes an environment and every feature's state in it; the reason (X-Change-Reason) is required,
     * default/production cannot go, and one where features are on only with {@code force=true}.
     */
    @Delete("/{project}/environments/{environment}")
    @Secured("ADMIN")
    @Operation(operationId = "deleteEnvironment", summary = "Remove an environment (a reason in X-Change-Reason is "
            + "required; force=true when features are on in it)")
    @ApiResponse(responseCode = "204", description = "removed; its audit entry keeps what it was")
    @NotFoundResponse
    @ChangeResponses
    HttpResponse<?> deleteEnvironment(HttpRequest<?> request, Authentication admin, @PathVariable String project,
                                      @PathVariable String environment, @Nullable @Header("If-Match") String ifMatch,
                                      @Nullable @Header(ReasonRequest.HEADER) String reasonHeader,
                                      @Nullable @QueryValue Boolean force) {
        manage.delete(new DeleteEnvironment(projectKey(project), environmentKey(environment),
                Versions.fromIfMatch(ifMatch), Boolean.TRUE.equals(force), Reason.ofNullable(reasonHeader),
                Origins.of(request, admin)));
        return HttpResponse.noContent();
    }

    private static ProjectKey projectKey(String key) {
        return new ProjectKey(key);
    }

    private static EnvironmentKey environmentKey(String key) {
        return new EnvironmentKey(key);
    }

    private static Reason reason(String body, String header) {
        return Reason.ofNullable(ReasonRequest.of(body, header));
    }

    private static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, ProjectView view) {
        return response.header("ETag", Versions.etag(view.project().revision().version()));
    }

    private static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, Environment environment) {
        return response.header("ETag", Versions.etag(environment.revision().version()));
    }
}
