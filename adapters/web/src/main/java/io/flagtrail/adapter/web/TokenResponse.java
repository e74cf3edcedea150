package io.flagtrail.adapter.web;

import io.micronaut.serde.annotation.Serdeable;

/** A signed access token, how many seconds it is valid, and the refresh token that gets the next one. */
@Serdeable
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", tokens=***]";
    }
}
