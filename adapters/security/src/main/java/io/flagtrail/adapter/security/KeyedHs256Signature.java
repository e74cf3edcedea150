package io.flagtrail.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One HS256 signing key with its key id: signs with {@code kid} in the header, and verifies only tokens that name
 * this key id and carry its MAC. HS256 is the only algorithm: {@code none}, RS/ES and any key in the header are never
 * accepted. The key id is derived from the secret, so a rotation needs no extra setting.
 */
final class KeyedHs256Signature implements SignatureGeneratorConfiguration {

    private final String keyId;
    private final byte[] secret;

    KeyedHs256Signature(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.keyId = keyId(secret);
    }

    static String keyId(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return "hs256-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    String keyId() {
        return keyId;
    }

    @Override
    public SignedJWT sign(JWTClaimsSet claims) throws JOSEException {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).type(JOSEObjectType.JWT).build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt;
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        var header = jwt.getHeader();
        return JWSAlgorithm.HS256.equals(header.getAlgorithm()) && keyId.equals(header.getKeyID())
                && jwt.verify(new MACVerifier(secret));
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported";
    }
}
