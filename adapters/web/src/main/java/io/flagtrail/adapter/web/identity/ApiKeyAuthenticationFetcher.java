package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.Scopes;
import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.error.Unauthenticated;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Recognises an API key in {@code X-API-Key} or as {@code Authorization: Bearer ft_…}, on a worker thread (it reads
 * the database), and turns its scopes into roles: {@code features:read} → VIEWER, {@code features:write} → EDITOR,
 * {@code audit:read} → AUDITOR, {@code evaluate} → EVALUATE, and names the environment it is bound to
 * ({@link Scopes#servedTo}). An unknown, revoked or expired key, or one whose environment was deleted, authenticates
 * no one.
 */
@Singleton
public final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    static final String HEADER = "X-API-Key";
    /** The attribute that marks an API key principal (its value is the key id). */
    private static final String BEARER = "Bearer ";

    private final AuthenticateApiKeyUseCase keys;
    private final ExecutorService blocking;
    private final String rolesAttribute;
    private final RolesFinder rolesFinder;

    ApiKeyAuthenticationFetcher(AuthenticateApiKeyUseCase keys, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                                TokenConfiguration tokens, RolesFinder rolesFinder) {
        this.keys = keys;
        this.blocking = blocking;
        this.rolesAttribute = tokens.getRolesName();
        this.rolesFinder = rolesFinder;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        String secret = secret(request);
        if (secret == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> authenticate(secret)).subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private Authentication authenticate(String secret) {
        try {
            ApiKey key = keys.authenticate(secret);
            // Through the roles finder, so that the configured hierarchy applies to keys as it does to tokens
            // (features:write acts as EDITOR, and so also as VIEWER).
            var roles = rolesFinder.resolveRoles(Map.of(rolesAttribute,
                    key.scopes().stream().map(ApiKeyScope::authority).toList()));
            return Authentication.build(key.id().toString(), roles, Map.of(Origins.API_KEY_ATTRIBUTE, key.id().toString(),
                    Origins.NAME_CLAIM, key.name(), Scopes.BOUND_TO_ATTRIBUTE, key.boundTo()));
        } catch (Unauthenticated refused) {
            return null;
        }
    }

    private static String secret(HttpRequest<?> request) {
        String header = request.getHeaders().get(HEADER);
        if (header != null) {
            return header.strip();
        }
        String authorization = request.getHeaders().getAuthorization().orElse(null);
        if (authorization != null && authorization.startsWith(BEARER + "ft_")) {
            return authorization.substring(BEARER.length()).strip();
        }
        return null;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    static List<String> scopes() {
        return java.util.Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::value).toList();
    }
}
