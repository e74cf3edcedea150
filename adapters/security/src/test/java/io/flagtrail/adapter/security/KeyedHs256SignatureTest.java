package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyedHs256SignatureTest {

    final KeyedHs256Signature old = new KeyedHs256Signature("the-old-secret-of-more-than-32-bytes-long");
    final KeyedHs256Signature current = new KeyedHs256Signature("the-new-secret-of-more-than-32-bytes-long");
    final JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("u-1").build();

    @Test
    void a_token_names_its_key_and_verifies_only_under_it() throws Exception {
        var token = current.sign(claims);

        assertEquals(current.keyId(), token.getHeader().getKeyID());
        assertTrue(current.verify(token));
        assertFalse(old.verify(token));
    }

    @Test
    void during_the_overlap_the_previous_key_is_accepted_and_after_it_is_not() throws Exception {
        var signedByOld = old.sign(claims);

        assertTrue(new PreviousSigningKeys(List.of(old)).verify(signedByOld));
        assertFalse(current.verify(signedByOld));
        assertFalse(new PreviousSigningKeys(List.of()).verify(signedByOld), "removed from the list: refused");
    }

    @Test
    void a_token_that_names_the_current_key_but_carries_another_mac_is_refused() throws Exception {
        var forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(current.keyId()).build(), claims);
        forged.sign(new MACSigner("the-old-secret-of-more-than-32-bytes-long".getBytes()));
        var noKid = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims);
        noKid.sign(new MACSigner("the-new-secret-of-more-than-32-bytes-long".getBytes()));

        assertFalse(current.verify(forged));
        assertFalse(current.verify(noKid), "a token without a key id is not ours");
    }
}
