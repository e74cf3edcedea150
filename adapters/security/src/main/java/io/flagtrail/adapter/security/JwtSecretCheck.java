package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.util.Arrays;

/**
 * Checks the configured signing secrets when the application starts, so that a short {@code AUTH_JWT_SECRET} stops
 * the service before it serves instead of failing the first login. (The signing configuration itself is created
 * on first use: without a configured secret it reads or generates one in the database.)
 */
@Context
final class JwtSecretCheck {

    JwtSecretCheck(@Nullable @Value("${auth.jwt.secret:}") String secret,
                   @Nullable @Value("${auth.jwt.previous-secrets:}") String previous) {
        if (secret != null && !secret.isBlank()) {
            JwtSigningSecretFactory.checked(secret, "AUTH_JWT_SECRET");
        }
        if (previous != null && !previous.isBlank()) {
            Arrays.stream(previous.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(s -> JwtSigningSecretFactory.checked(s, "AUTH_JWT_PREVIOUS_SECRETS"));
        }
    }
}
