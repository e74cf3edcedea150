package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;

/**
 * Checks the configured signing secrets when the application starts, so that a short {@code AUTH_JWT_SECRET} stops
 * the service before it serves instead of failing the first login. The previous secrets are checked by creating
 * their bean here; the signing configuration itself stays created on first use, since without a configured secret
 * it reads or generates one in the database, so its check is repeated here for the configured value only.
 */
@Context
final class JwtSecretCheck {

    JwtSecretCheck(@Nullable @Value("${auth.jwt.secret:}") String secret,
                   @Named("previous") SignatureConfiguration previousSecretsChecked) {
        if (secret != null && !secret.isBlank()) {
            JwtSigningSecretFactory.checked(secret, "AUTH_JWT_SECRET");
        }
    }
}
