package io.flagtrail.adapter.web;

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
 * With {@code AUTH_METHOD=session}: a request that changes something and is authenticated by the session cookie must
 * echo the CSRF cookie in {@code X-CSRF-Token} (double submit, compared in constant time); a forged cross-site request
 * cannot read the cookie to do so. Requests with an Authorization or X-API-Key header carry no ambient credential and
 * are not checked.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "flagtrail.auth.method", value = "session")
final class CsrfFilter implements Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        boolean byCookie = request.getCookies().findCookie(SessionCookies.ACCESS).isPresent()
                && request.getHeaders().getAuthorization().isEmpty()
                && request.getHeaders().get(ApiKeyAuthenticationFetcher.HEADER) == null;
        if (!byCookie || SAFE.contains(request.getMethod()) || request.getPath().equals("/api/v1/auth/login")) {
            return null;
        }
        String expected = request.getCookies().findCookie(SessionCookies.CSRF).map(Cookie::getValue).orElse("");
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
