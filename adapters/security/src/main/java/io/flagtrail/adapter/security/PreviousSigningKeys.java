package io.flagtrail.adapter.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import java.util.List;

/**
 * The keys that signed before the current one, accepted for verification only, during a rotation's overlap
 * ({@code AUTH_JWT_PREVIOUS_SECRETS}); once a secret leaves the list, tokens it signed are refused.
 */
final class PreviousSigningKeys implements SignatureConfiguration {

    private final List<KeyedHs256Signature> keys;

    PreviousSigningKeys(List<KeyedHs256Signature> keys) {
        this.keys = List.copyOf(keys);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        for (var key : keys) {
            if (key.verify(jwt)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(JWSAlgorithm algorithm) {
        return !keys.isEmpty() && JWSAlgorithm.HS256.equals(algorithm);
    }

    @Override
    public String supportedAlgorithmsMessage() {
        return "Only the HS256 algorithm is supported";
    }
}
