package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
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
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/** {@code /api/v1/api-keys}, ADMIN only: create (the secret is in that one answer), list, revoke. */
@Controller("/api/v1/api-keys")
@ProblemResponses
@Tag(name = "API keys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
final class ApiKeyController {

    @Serdeable
    @Schema(name = "CreateApiKeyRequest")
    record CreateApiKeyRequest(@Nullable String name, @Nullable List<String> scopes, @Nullable String project,
                               @Nullable String environment, @Nullable Instant expiresAt) {
    }

    @Serdeable
    @Schema(name = "ApiKey")
    record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, @Nullable String project,
                      @Nullable String environment, String createdBy, Instant createdAt,
                      @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt,
                      @Nullable String secret) {
        static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.scopes().stream().map(ApiKeyScope::value).sorted().toList(),
                    k.boundTo() == null ? null : k.boundTo().project().value(),
                    k.boundTo() == null ? null : k.boundTo().environment().value(), k.createdBy(), k.createdAt(), k.expiresAt(), k.revokedAt(), k.lastUsedAt(), secret);
        }

        @Override
        public String toString() {
            return "ApiKeyView[id=" + id + ", name=" + name + ", secret=***]";
        }
    }

    private final ManageApiKeysUseCase keys;

    ApiKeyController(ManageApiKeysUseCase keys) {
        this.keys = keys;
    }

    /** The answer holds the secret, shown this once; only its hash is kept. */
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiKey", summary = "Create an API key bound to one environment (default/production "
            + "unless project and environment are given); the secret is in this answer only")
    @ApiResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiKeyView.class)))
    MutableHttpResponse<ApiKeyView> create(HttpRequest<?> request, Authentication admin, @Body CreateApiKeyRequest body) {
        var scopes = EnumSet.noneOf(ApiKeyScope.class);
        if (body.scopes() == null || body.scopes().isEmpty()) {
            throw InvalidInput.of("scopes", "must name at least one of " + ApiKeyAuthenticationFetcher.scopes());
        }
        body.scopes().forEach(s -> scopes.add(ApiKeyScope.of(s)));
        var boundTo = Scopes.of(body.project() == null ? ProjectKey.DEFAULT.value() : body.project(),
                body.environment() == null ? EnvironmentKey.PRODUCTION.value() : body.environment());
        var created = keys.create(body.name(), scopes, boundTo, body.expiresAt(), Origins.of(request, admin));
        return HttpResponse.created(ApiKeyView.of(created.key(), created.secret()),
                URI.create("/api/v1/api-keys/" + created.key().id()));
    }

    @Get
    @Operation(operationId = "listApiKeys", summary = "List API keys (never their secrets)")
    PageResponse<ApiKeyView> list() {
        return new PageResponse<>(keys.list().stream().map(k -> ApiKeyView.of(k, null)).toList(), null);
    }

    @Post("/{id}/revoke")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key; it is refused from the next request")
    @NotFoundResponse
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "the key is revoked already",
            content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = ProblemDetails.class)))
    ApiKeyView revoke(HttpRequest<?> request, Authentication admin, @PathVariable String id) {
        try {
            return ApiKeyView.of(keys.revoke(UUID.fromString(id), Origins.of(request, admin)), null);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "must be an API key id (a UUID)");
        }
    }
}
