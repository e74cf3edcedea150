package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Problems;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.filter.ServerFilterPhase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * With {@code AUTH_METHOD=session}: a request that changes something and carries the session cookie must send the
 * session's CSRF token in {@code X-CSRF-Token} (compared in constant time with the token derived from the access
 * cookie, {@link SessionCookies#csrfFor}); a forged cross-site request can read neither to do so. Any other header
 * (an Authorization header, even one that authenticates nothing, or an API key) does not lift the check while the
 * cookie is sent: the cookie could still be what authenticates. Only requests without the cookie are not checked.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "flagtrail.auth.method", value = "session")
final class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        var session = request.getCookies().findCookie(SessionCookies.ACCESS).map(Cookie::getValue).orElse("");
        if (session.isEmpty() || SAFE.contains(request.getMethod()) || request.getPath().equals("/api/v1/auth/login")) {
            return null;
        }
        String expected = SessionCookies.csrfFor(session);
        String sent = request.getHeaders().get(SessionCookies.CSRF_HEADER);
        if (expected.isEmpty() || sent == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return Problems.response(request, HttpStatus.FORBIDDEN, "auth.csrf",
                    "a change made with the session cookie must send the CSRF cookie's value in X-CSRF-Token", List.of());
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
