package io.flagtrail.adapter.security;

import io.flagtrail.application.port.out.ServerSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The key that signs and checks access tokens (HS256, with a key id). Taken from {@code AUTH_JWT_SECRET} when set
 * (at least 32 bytes), else generated once and kept in the database so that every instance and every restart share
 * it. To rotate: set the new secret and move the old one to {@code AUTH_JWT_PREVIOUS_SECRETS} for as long as tokens
 * it signed may live (the access-token lifetime), then remove it.
 * There is no built-in default: a default secret would be a published secret.
 */
@Factory
final class JwtSigningSecretFactory {

    static final int MIN_SECRET_BYTES = 32;
    static final String SECRET_NAME = "jwt-signing-secret";

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signature(@Nullable @Value("${auth.jwt.secret:}") String configured,
                                              ServerSecrets secrets) {
        String secret = configured == null || configured.isBlank()
                ? secrets.getOrCreate(SECRET_NAME, JwtSigningSecretFactory::generate)
                : configured;
        return new KeyedHs256Signature(checked(secret, "AUTH_JWT_SECRET"));
    }

    /** Rotation: the secrets that signed before, still accepted (never used to sign) until they leave the list. */
    @Singleton
    @Named("previous")
    SignatureConfiguration previous(@Nullable @Value("${auth.jwt.previous-secrets:}") String configured) {
        var keys = configured == null || configured.isBlank() ? List.<KeyedHs256Signature>of()
                : Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(s -> new KeyedHs256Signature(checked(s, "AUTH_JWT_PREVIOUS_SECRETS"))).toList();
        return new PreviousSigningKeys(keys);
    }

    static String checked(String secret, String variable) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException(variable + " must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        return secret;
    }

    private static String generate() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
