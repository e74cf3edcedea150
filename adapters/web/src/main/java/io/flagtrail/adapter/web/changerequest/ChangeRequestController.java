package io.flagtrail.adapter.web.changerequest;

import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.BreakGlassBody;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.ChangeRequestResponse;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.CreateChangeRequest;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.EditBody;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.EditChangeRequest;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.ScheduleBody;
import io.flagtrail.adapter.web.changerequest.ChangeRequestViews.StepBody;
import io.flagtrail.adapter.web.http.ChangeResponses;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.adapter.web.http.Versions;
import io.flagtrail.adapter.web.identity.ScopedRoles;
import io.flagtrail.application.port.in.ChangeRequestUseCases.BreakGlass;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Edit;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Listing;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ManageChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Propose;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ReadChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Step;
import io.flagtrail.application.port.in.ChangeRequestUseCases.TakeStep;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Change requests of one environment: {@code /api/v1/projects/{project}/environments/{environment}/change-requests}.
 * Proposing, editing, submitting, withdrawing, applying, scheduling and cancelling need EDITOR there; approving and
 * rejecting need only to read there (VIEWER), because the environment's approval policy, not the route, says who
 * approves (roles or named users; never the author, ADMIN included); so do a break-glass change and its sign-off
 * (the policy's break-glass roles, and its approvers other than the author); reading needs VIEWER or AUDITOR. Every answer
 * carries the request's version as ETag; a step accepts If-Match.
 */
@Controller("/api/v1/projects/{project}/environments/{environment}/change-requests")
@ProblemResponses
@Tag(name = "Change requests")
@ExecuteOn(TaskExecutors.BLOCKING)
final class ChangeRequestController {

    private final ManageChangeRequestsUseCase manage;
    private final ReadChangeRequestsUseCase read;
    private final ScopedRoles scopedRoles;

    ChangeRequestController(ManageChangeRequestsUseCase manage, ReadChangeRequestsUseCase read,
                            ScopedRoles scopedRoles) {
        this.manage = manage;
        this.read = read;
        this.scopedRoles = scopedRoles;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    @Operation(operationId = "createChangeRequest", summary = "Propose changes to features here, for approval")
    @NotFoundResponse
    MutableHttpResponse<ChangeRequestResponse> create(HttpRequest<?> request, Authentication user,
                                                      @PathVariable String project, @PathVariable String environment,
                                                      @Body CreateChangeRequest body) {
        var scope = reachable(user, project, environment);
        var created = manage.propose(new Propose(scope, body.title(), EditBody.edits(body.changes()),
                body.approvalPolicy() == null ? null : body.approvalPolicy().policy(),
                !Boolean.FALSE.equals(body.submit()), Origins.of(request, user)));
        return answer(HttpResponse.created(ChangeRequestResponse.of(created), URI.create("/api/v1/projects/"
                + scope.project() + "/environments/" + scope.environment() + "/change-requests/" + created.id())),
                created);
    }

    @Post("/break-glass")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("VIEWER")
    @Operation(operationId = "breakGlass", summary = "In an emergency, change features here at once without "
            + "approval (holders of the policy's break-glass roles only, with a reason): recorded CRITICAL, and open "
            + "for review until someone else signs it off")
    @NotFoundResponse
    MutableHttpResponse<ChangeRequestResponse> breakGlass(HttpRequest<?> request, Authentication user,
                                                          @PathVariable String project,
                                                          @PathVariable String environment,
                                                          @Body BreakGlassBody body) {
        var scope = reachable(user, project, environment);
        var made = manage.breakGlass(new BreakGlass(scope, EditBody.edits(body.changes()), body.reason(),
                roles(user, scope), Origins.of(request, user)));
        return answer(HttpResponse.created(ChangeRequestResponse.of(made), URI.create("/api/v1/projects/"
                + scope.project() + "/environments/" + scope.environment() + "/change-requests/" + made.id())), made);
    }

    @Get
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "listChangeRequests", summary = "This environment's change requests, newest first")
    @NotFoundResponse
    PageResponse<ChangeRequestResponse> list(Authentication user, @PathVariable String project,
                                             @PathVariable String environment, @Nullable @QueryValue String state,
                                             @Nullable @QueryValue String author,
                                             @Nullable @QueryValue String approver,
                                             @Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        var page = read.list(new Listing(reachable(user, project, environment), states(state), author, approver,
                Params.limit(limit), cursor));
        return new PageResponse<>(page.items().stream().map(ChangeRequestResponse::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Secured({"VIEWER", "AUDITOR"})
    @Operation(operationId = "getChangeRequest", summary = "One change request, with the diff it proposes")
    @NotFoundResponse
    MutableHttpResponse<ChangeRequestResponse> get(Authentication user, @PathVariable String project,
                                                   @PathVariable String environment, @PathVariable String id) {
        var found = read.get(reachable(user, project, environment), id(id));
        return answer(HttpResponse.ok(ChangeRequestResponse.of(found)), found);
    }

    @Put("/{id}/changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    @Operation(operationId = "editChangeRequest", summary = "Replace what the request proposes (its author only; "
            + "every approval is void, and it is submitted again unless a draft)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> edit(HttpRequest<?> request, Authentication user,
                                                    @PathVariable String project, @PathVariable String environment,
                                                    @PathVariable String id, @Body EditChangeRequest body,
                                                    @Nullable @Header("If-Match") String ifMatch) {
        var edited = manage.edit(new Edit(reachable(user, project, environment), id(id), EditBody.edits(body.changes()),
                body.approvalPolicy() == null ? null : body.approvalPolicy().policy(), Versions.fromIfMatch(ifMatch),
                Origins.of(request, user)));
        return answer(HttpResponse.ok(ChangeRequestResponse.of(edited)), edited);
    }

    @Post("/{id}/submit")
    @Secured("EDITOR")
    @Operation(operationId = "submitChangeRequest", summary = "Send a draft for approval (its author only)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> submit(HttpRequest<?> request, Authentication user,
                                                      @PathVariable String project, @PathVariable String environment,
                                                      @PathVariable String id,
                                                      @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.SUBMIT, null, null, ifMatch);
    }

    @Post("/{id}/approve")
    @Secured("VIEWER")
    @Operation(operationId = "approveChangeRequest", summary = "Approve, as an approver the policy admits (never "
            + "one's own request: 403 change_request.self_approval)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> approve(HttpRequest<?> request, Authentication user,
                                                       @PathVariable String project, @PathVariable String environment,
                                                       @PathVariable String id, @Nullable @Body StepBody body,
                                                       @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.APPROVE, body == null ? null : body.comment(),
                null, ifMatch);
    }

    @Post("/{id}/reject")
    @Secured("VIEWER")
    @Operation(operationId = "rejectChangeRequest", summary = "Reject with a reason, as an approver the policy "
            + "admits; the request stays, with the reason")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> reject(HttpRequest<?> request, Authentication user,
                                                      @PathVariable String project, @PathVariable String environment,
                                                      @PathVariable String id, @Nullable @Body StepBody body,
                                                      @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.REJECT, reason(body), null, ifMatch);
    }

    @Post("/{id}/withdraw")
    @Secured("EDITOR")
    @Operation(operationId = "withdrawChangeRequest", summary = "Take the request back with a reason (its author only)")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> withdraw(HttpRequest<?> request, Authentication user,
                                                        @PathVariable String project, @PathVariable String environment,
                                                        @PathVariable String id, @Nullable @Body StepBody body,
                                                        @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.WITHDRAW, reason(body), null, ifMatch);
    }

    @Post("/{id}/apply")
    @Secured("EDITOR")
    @Operation(operationId = "applyChangeRequest", summary = "Apply an approved request now; 409 "
            + "change_request.conflicted (and the request conflicted) when a feature moved on since it was based on it")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> apply(HttpRequest<?> request, Authentication user,
                                                     @PathVariable String project, @PathVariable String environment,
                                                     @PathVariable String id,
                                                     @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.APPLY, null, null, ifMatch);
    }

    @Post("/{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Secured("EDITOR")
    @Operation(operationId = "scheduleChangeRequest", summary = "Have the scheduler apply an approved request at an "
            + "instant after now")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> schedule(HttpRequest<?> request, Authentication user,
                                                        @PathVariable String project, @PathVariable String environment,
                                                        @PathVariable String id, @Body ScheduleBody body,
                                                        @Nullable @Header("If-Match") String ifMatch) {
        reachable(user, project, environment); // a key of another environment learns nothing, not even a 400
        if (body.at() == null) {
            throw InvalidInput.of("at", "is required: an RFC 3339 instant after now");
        }
        return step(request, user, project, environment, id, Step.SCHEDULE, null, Params.instant("at", body.at()),
                ifMatch);
    }

    @Post("/{id}/cancel")
    @Secured("EDITOR")
    @Operation(operationId = "cancelChangeRequest", summary = "Call off a scheduled application, with a reason")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> cancel(HttpRequest<?> request, Authentication user,
                                                      @PathVariable String project, @PathVariable String environment,
                                                      @PathVariable String id, @Nullable @Body StepBody body,
                                                      @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.CANCEL, reason(body), null, ifMatch);
    }

    @Post("/{id}/sign-off")
    @Secured("VIEWER")
    @Operation(operationId = "signOffChangeRequest", summary = "Review a break-glass change afterwards, as an "
            + "approver the policy admits other than its author; closes it")
    @NotFoundResponse
    @ChangeResponses
    MutableHttpResponse<ChangeRequestResponse> signOff(HttpRequest<?> request, Authentication user,
                                                       @PathVariable String project, @PathVariable String environment,
                                                       @PathVariable String id, @Nullable @Body StepBody body,
                                                       @Nullable @Header("If-Match") String ifMatch) {
        return step(request, user, project, environment, id, Step.SIGN_OFF, body == null ? null : body.comment(),
                null, ifMatch);
    }

    private MutableHttpResponse<ChangeRequestResponse> step(HttpRequest<?> request, Authentication user,
                                                            String project, String environment, String id, Step step,
                                                            String text, Instant at, String ifMatch) {
        var scope = reachable(user, project, environment);
        var after = manage.take(new TakeStep(scope, id(id), step, text, at, Versions.fromIfMatch(ifMatch),
                roles(user, scope), Origins.of(request, user)));
        if (step == Step.APPLY && after.state() == ChangeRequestState.CONFLICTED) {
            // recorded as conflicted (committed); the caller learns what moved and that a rebase is needed
            throw new Conflict("change_request.conflicted", "not applied, and now conflicted: " + after.decision()
                    + "; rebase it (PUT .../changes) and have it approved again");
        }
        return answer(HttpResponse.ok(ChangeRequestResponse.of(after)), after);
    }

    /** The caller's roles where the request is (global and granted, the hierarchy applied): what the policy checks. */
    private Set<Role> roles(Authentication user, Scope scope) {
        var names = scopedRoles.in(user, scope.project(), scope.environment());
        return Arrays.stream(Role.values()).filter(role -> names.contains(role.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static Scope reachable(Authentication user, String project, String environment) {
        var scope = Scopes.of(project, environment);
        Scopes.requireReachable(user, scope);
        return scope;
    }

    private static String reason(StepBody body) {
        return body == null ? null : body.reason();
    }

    private static Set<ChangeRequestState> states(String state) {
        var parsed = Params.enumValue(ChangeRequestState.class, "state", state);
        return parsed == null ? Set.of() : Set.of(parsed);
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "'" + id + "' is not a change request id");
        }
    }

    private static <T> MutableHttpResponse<T> answer(MutableHttpResponse<T> response, ChangeRequest request) {
        return response.header("ETag", Versions.etag(request.version()));
    }
}
