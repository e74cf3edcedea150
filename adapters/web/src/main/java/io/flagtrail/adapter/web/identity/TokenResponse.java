package io.flagtrail.adapter.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A signed access token, how many seconds it is valid, and the refresh token that gets the next one. With
 * {@code AUTH_METHOD=session} the tokens travel only in HttpOnly cookies: the body then says {@code tokenType}
 * {@code Cookie} and carries neither token, so no script on the page can read them.
 */
@Serdeable
public record TokenResponse(@Nullable String accessToken, String tokenType, long expiresIn, @Nullable String refreshToken) {

    /** What a browser in session mode is told: how long the session's access lasts, no token. */
    TokenResponse withoutTokens() {
        return new TokenResponse(null, "Cookie", expiresIn, null);
    }

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", tokens=***]";
    }
}
