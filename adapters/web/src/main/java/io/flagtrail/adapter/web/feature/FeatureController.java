package io.flagtrail.adapter.web.feature;

import io.flagtrail.adapter.web.http.ChangeResponses;
import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.ReasonRequest;
import io.flagtrail.adapter.web.http.Versions;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.Reason;
import io.flagtrail.domain.project.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.net.URI;

/**
 * {@code /api/v1/features}, the changes: EDITOR (and ADMIN through the role hierarchy). Every answer carries the
 * feature's version as ETag; a change accepts If-Match for optimistic concurrency. A reason can come in the body's
 * {@code reason} or in the {@code X-Change-Reason} header. The reads are {@link FeatureQueryController}'s. These are
 * the compatibility routes (ADR 0012): they address the default project's production environment.
 */
@Controller("/api/v1/features")
@ProblemResponses
@Tag(name = "Features")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FeatureController {

    static final String REASON_HEADER = ReasonRequest.HEADER;

    private final CreateFeatureUseCase create;
    private final UpdateFeatureUseCase update;
    private final TransitionFeatureUseCase transition;

    FeatureController(CreateFeatureUseCase create, UpdateFeatureUseCase update, TransitionFeatureUseCase transition) {
        this.create = create;
        this.update = update;
        this.transition = transition;
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
        var created = create.create(CreateFeatureCommand.of(Scope.COMPATIBILITY, body.key(), body.name(), body.description(),
                body.rolloutPercentage(), body.tags(), body.owner(), body.targeting(), body.enabled(),
                firstNonNull(body.reason(), reasonHeader), Origins.of(request, user)));
        return withEtag(HttpResponse.created(FeatureResponse.from(created),
                URI.create("/api/v1/features/" + created.key().value())), created);
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
        var updated = update.update(new UpdateFeatureCommand(Scope.COMPATIBILITY, new FeatureKey(key), body.patch(), Versions.fromIfMatch(ifMatch),
                Reason.ofNullable(firstNonNull(body.reason(), reasonHeader)), Origins.of(request, user)));
        return withEtag(HttpResponse.ok(FeatureResponse.from(updated)), updated);
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
        return transition(request, user, key, FeatureTransition.ENABLE, body, ifMatch, reasonHeader);
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
        return transition(request, user, key, FeatureTransition.DISABLE, body, ifMatch, reasonHeader);
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
        return transition(request, user, key, FeatureTransition.RESTORE, body, ifMatch, reasonHeader);
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
        return transition(request, user, key, FeatureTransition.DELETE, null, ifMatch, reasonHeader);
    }

    private MutableHttpResponse<FeatureResponse> transition(HttpRequest<?> request, Authentication user, String key,
                                                            FeatureTransition kind, ReasonRequest body, String ifMatch,
                                                            String reasonHeader) {
        var reason = Reason.ofNullable(firstNonNull(body == null ? null : body.reason(), reasonHeader));
        var changed = transition.transition(new TransitionFeatureCommand(Scope.COMPATIBILITY, new FeatureKey(key), kind,
                Versions.fromIfMatch(ifMatch), reason, Origins.of(request, user)));
        return withEtag(HttpResponse.ok(FeatureResponse.from(changed)), changed);
    }

    /** The answer with the feature's version as its ETag, as every answer that shows one feature has. */
    static <T> MutableHttpResponse<T> withEtag(MutableHttpResponse<T> response, FeatureState feature) {
        return response.header("ETag", Versions.etag(feature.version()));
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
