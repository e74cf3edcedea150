package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.application.port.in.SessionUseCases.CheckSessionUseCase;
import io.flagtrail.domain.error.Unauthenticated;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

/**
 * After the token's signature and expiry are checked, asks whether its user is still active with the same roles and
 * grants and its session still open: a disabled user, a changed role or grant or a logout is refused on the very next
 * request with 401,
 * not when the token expires. Answered on the event loop when this instance remembers the session's standing (the
 * common case, ADR 0013); else the check reads the database on a blocking thread, so the request makes that thread
 * hop only when it must.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SessionCheckFilter implements Ordered {

    private final CheckSessionUseCase sessions;
    private final TokenConfiguration tokens;
    private final Executor blocking;

    SessionCheckFilter(CheckSessionUseCase sessions, TokenConfiguration tokens,
                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    /**
     * Proceeds with the request itself, or fails with {@code Unauthenticated} (answered as a 401 problem by the
     * domain exception handler). Not a future completed with null to proceed: Micronaut (4.10) proceeds on that only
     * when it is complete as returned, and fails the request when it completes later.
     */
    @RequestFilter
    CompletableFuture<HttpRequest<?>> check(HttpRequest<?> request) {
        var principal = request.getUserPrincipal(Authentication.class).orElse(null);
        if (principal == null || Origins.isApiKey(principal)) {
            // an API key was checked (revoked, expired) as it was recognised, on this very request
            return CompletableFuture.completedFuture(request);
        }
        try {
            if (claims(principal, sessions::checkWithoutBlocking)) {
                return CompletableFuture.completedFuture(request);
            }
        } catch (Unauthenticated refused) {
            return CompletableFuture.failedFuture(refused);
        }
        var answer = new CompletableFuture<HttpRequest<?>>();
        blocking.execute(() -> {
            try {
                claims(principal, (user, session, roles) -> {
                    sessions.check(user, session, roles);
                    return true;
                });
                answer.complete(request);
            } catch (RuntimeException e) {
                answer.completeExceptionally(e); // as thrown, not wrapped: the handlers match on its type
            }
        });
        return answer;
    }

    /** One of the use case's two checks: true when it answered (passed), false when it could not answer. */
    private interface Check {
        boolean answer(UUID userId, @Nullable UUID sessionId, List<String> tokenAccess);
    }

    /** The check asked with the token's claims; an id that is not a UUID is an ended session. */
    private boolean claims(Authentication principal, Check check) {
        var attributes = principal.getAttributes();
        Object session = attributes.get(AuthController.SESSION_CLAIM);
        Object roles = attributes.get(tokens.getRolesName());
        UUID userId;
        UUID sessionId;
        try {
            userId = UUID.fromString(principal.getName());
            sessionId = session == null ? null : UUID.fromString(session.toString());
        } catch (IllegalArgumentException e) {
            throw new Unauthenticated("auth.session_ended", "the token does not name a valid session; log in again");
        }
        var access = new ArrayList<String>();
        if (roles instanceof Collection<?> names) {
            names.forEach(name -> access.add(String.valueOf(name)));
        }
        if (attributes.get(ScopedRoles.GRANTS_CLAIM) instanceof Collection<?> grants) {
            grants.forEach(grant -> access.add(String.valueOf(grant)));
        }
        return check.answer(userId, sessionId, access);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
