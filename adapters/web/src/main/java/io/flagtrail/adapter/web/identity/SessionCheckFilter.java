package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.Problems;
import io.flagtrail.application.port.in.SessionUseCases.CheckSessionUseCase;
import io.flagtrail.domain.error.Unauthenticated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.config.TokenConfiguration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * After the token's signature and expiry are checked, asks whether its user is still active with the same roles and
 * its session still open: a disabled user, a changed role or a logout is refused on the very next request with 401,
 * not when the token expires. Runs off the event loop (it reads the database).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SessionCheckFilter implements Ordered {

    private final CheckSessionUseCase sessions;
    private final TokenConfiguration tokens;

    SessionCheckFilter(CheckSessionUseCase sessions, TokenConfiguration tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        var principal = request.getUserPrincipal(Authentication.class).orElse(null);
        if (principal == null || Origins.isApiKey(principal)) {
            return null; // an API key was checked (revoked, expired) as it was recognised, on this very request
        }
        try {
            var attributes = principal.getAttributes();
            Object session = attributes.get(AuthController.SESSION_CLAIM);
            Object roles = attributes.get(tokens.getRolesName());
            sessions.check(UUID.fromString(principal.getName()), session == null ? null : UUID.fromString(session.toString()),
                    roles instanceof Collection<?> names ? names.stream().map(String::valueOf).toList() : List.of());
            return null;
        } catch (Unauthenticated e) {
            return Problems.response(request, HttpStatus.UNAUTHORIZED, e.code(), e.getMessage(), List.of());
        } catch (IllegalArgumentException e) {
            return Problems.response(request, HttpStatus.UNAUTHORIZED, "auth.session_ended",
                    "the token does not name a valid session; log in again", List.of());
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
