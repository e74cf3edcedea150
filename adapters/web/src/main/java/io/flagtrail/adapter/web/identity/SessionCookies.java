package io.flagtrail.adapter.web.identity;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code AUTH_METHOD=session}: the browser's session lives in cookies instead of the page. The access token and the
 * refresh token go in HttpOnly, Secure, SameSite=Strict cookies (scripts cannot read them, other sites cannot send
 * them); a CSRF token bound to the access token goes in a readable cookie that the page echoes in
 * {@code X-CSRF-Token} on every change (checked by {@link CsrfFilter}). Login and refresh answers carry no token in
 * their body in this mode. With {@code AUTH_METHOD=jwt} (the default) nothing is set.
 */
@Context // created at startup, so a wrong AUTH_METHOD stops the service before it serves
final class SessionCookies {

    static final String ACCESS = "FLAGTRAIL_SESSION";
    static final String REFRESH = "FLAGTRAIL_REFRESH";
    static final String CSRF = "FLAGTRAIL_CSRF";
    static final String CSRF_HEADER = "X-CSRF-Token";

    private final boolean enabled;

    SessionCookies(@Value("${flagtrail.auth.method:jwt}") String method) {
        if (!method.equals("jwt") && !method.equals("session")) {
            throw new IllegalStateException("AUTH_METHOD must be jwt or session, was '" + method + "'");
        }
        this.enabled = method.equals("session");
    }

    boolean enabled() {
        return enabled;
    }

    /**
     * The answer to a login or refresh, never cached: the tokens in the body (bearer mode), or (session mode) only in
     * the cookies, with a body that carries no token, and the CSRF token bound to the new access token.
     */
    MutableHttpResponse<TokenResponse> answer(TokenResponse tokens, Duration refreshLifetime) {
        if (!enabled) {
            return HttpResponse.ok(tokens).header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return HttpResponse.ok(tokens.withoutTokens()).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .cookie(secret(ACCESS, tokens.accessToken(), "/", Duration.ofSeconds(tokens.expiresIn())))
                .cookie(secret(REFRESH, tokens.refreshToken(), "/api/v1/auth", refreshLifetime))
                .cookie(Cookie.of(CSRF, csrfFor(tokens.accessToken())).path("/").secure(true).sameSite(SameSite.Strict)
                        .maxAge(refreshLifetime));
    }

    /**
     * The CSRF token of a session: derived from its access token (SHA-256, base64url), so it is bound to the session
     * — a value an attacker planted in the CSRF cookie, or took from another session, does not match — and only
     * someone holding the HttpOnly access cookie could compute it. It changes with every refresh, together with its
     * cookie.
     */
    static String csrfFor(String accessToken) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("flagtrail-csrf:" + accessToken).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Ends them on logout. */
    <T> MutableHttpResponse<T> clear(MutableHttpResponse<T> response) {
        if (!enabled) {
            return response;
        }
        return response.cookie(secret(ACCESS, "", "/", Duration.ZERO))
                .cookie(secret(REFRESH, "", "/api/v1/auth", Duration.ZERO))
                .cookie(Cookie.of(CSRF, "").path("/").secure(true).sameSite(SameSite.Strict).maxAge(Duration.ZERO));
    }

    private static Cookie secret(String name, String value, String path, Duration lifetime) {
        return Cookie.of(name, value).httpOnly(true).secure(true).sameSite(SameSite.Strict).path(path).maxAge(lifetime);
    }
}
