package io.flagtrail.adapter.web;

import io.micronaut.serde.annotation.Serdeable;

/** A signed access token and how many seconds it is valid. */
@Serdeable
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
