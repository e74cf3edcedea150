package io.flagtrail.adapter.web.identity;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/** With {@code AUTH_METHOD=session}: the access token from the session cookie, when no Authorization header is sent. */
@Singleton
@Requires(property = "flagtrail.auth.method", value = "session")
final class SessionCookieTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(SessionCookies.ACCESS).map(Cookie::getValue).filter(v -> !v.isBlank());
    }

    /** After the Authorization header: an explicit token wins over the cookie. */
    @Override
    public int getOrder() {
        return 100;
    }
}
