package io.flagtrail.adapter.web;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code AUTH_METHOD=session}: the browser's session lives in cookies instead of the page. The access token and the
 * refresh token go in HttpOnly, Secure, SameSite=Strict cookies (scripts cannot read them, other sites cannot send
 * them); a CSRF token goes in a readable cookie that the page echoes in {@code X-CSRF-Token} on every change
 * (double submit, checked by {@link CsrfFilter}). With {@code AUTH_METHOD=jwt} (the default) nothing is set.
 */
@Context // created at startup, so a wrong AUTH_METHOD stops the service before it serves
final class SessionCookies {

    static final String ACCESS = "FLAGTRAIL_SESSION";
    static final String REFRESH = "FLAGTRAIL_REFRESH";
    static final String CSRF = "FLAGTRAIL_CSRF";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();

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

    /** Sets the session's cookies on a login or refresh answer. */
    <T> MutableHttpResponse<T> set(MutableHttpResponse<T> response, TokenResponse tokens, Duration refreshLifetime) {
        if (!enabled) {
            return response;
        }
        byte[] csrf = new byte[32];
        RANDOM.nextBytes(csrf);
        return response.cookie(secret(ACCESS, tokens.accessToken(), "/", Duration.ofSeconds(tokens.expiresIn())))
                .cookie(secret(REFRESH, tokens.refreshToken(), "/api/v1/auth", refreshLifetime))
                .cookie(Cookie.of(CSRF, Base64.getUrlEncoder().withoutPadding().encodeToString(csrf)).path("/")
                        .secure(true).sameSite(SameSite.Strict).maxAge(refreshLifetime));
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
