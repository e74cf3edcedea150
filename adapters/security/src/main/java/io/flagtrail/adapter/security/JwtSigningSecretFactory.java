package io.flagtrail.adapter.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.flagtrail.application.port.out.ServerSecrets;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs and checks access tokens (HS256). Taken from {@code AUTH_JWT_SECRET} when set (at least
 * 32 bytes), else generated once and kept in the database so that every instance and every restart share it.
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
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("AUTH_JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes long");
        }
        var configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }

    private static String generate() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
