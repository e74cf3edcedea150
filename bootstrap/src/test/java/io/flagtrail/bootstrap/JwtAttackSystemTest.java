package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JWT attack set: each forged or bent token is refused with 401, while the same claims signed properly pass.
 * The signing secret is fixed here so that the test can sign a correct token to compare against.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwtAttackSystemTest implements TestPropertyProvider {

    static final String SECRET = "a-test-signing-secret-of-more-than-32-bytes";
    static final String PREVIOUS = "the-secret-before-the-rotation-32-bytes-plus";
    static final String RETIRED = "a-secret-retired-long-ago-of-32-bytes-and-more";
    static final String PASSWORD = "a-long-user-password";

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject Users users;
    @Inject PasswordHasher hasher;
    Api api;
    JWTClaimsSet real;

    @Override
    public Map<String, String> getProperties() {
        var props = StandaloneProperties.on(TestDatabase.postgres());
        props.put("auth.jwt.secret", SECRET);
        props.put("auth.jwt.previous-secrets", PREVIOUS);
        return props;
    }

    @BeforeAll
    void logIn() throws Exception {
        api = new Api(server.getURI(), json);
        String email = "jwt-" + UUID.randomUUID() + "@example.com";
        users.add(new User(UUID.randomUUID(), new Email(email), "Jwt", hasher.hash(PASSWORD.toCharArray()),
                Set.of(Role.VIEWER), Set.of(), UserStatus.ACTIVE, Instant.now(), null));
        real = SignedJWT.parse(api.login(email, PASSWORD)).getJWTClaimsSet();
    }

    @Test
    void the_same_claims_signed_properly_pass() throws Exception {
        assertEquals(200, status(hs256(real, SECRET)));
    }

    @Test
    void a_token_from_the_key_before_the_rotation_passes_during_the_overlap_and_a_retired_one_does_not() throws Exception {
        assertEquals(200, status(hs256(real, PREVIOUS)));
        assertEquals(401, status(hs256(real, RETIRED)));
        assertEquals(401, status(hs256(real, PREVIOUS, kid(SECRET))), "naming the current key with another MAC");
    }

    @Test
    void alg_none_is_refused() {
        assertEquals(401, status(new PlainJWT(new PlainHeader(), real).serialize()));
    }

    @Test
    void another_secret_and_rs256_with_any_key_are_refused() throws Exception {
        assertEquals(401, status(hs256(real, "another-secret-of-more-than-32-bytes-long")));
        var attacker = new RSAKeyGenerator(2048).keyID("attacker").generate();
        var rs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(), real);
        rs.sign(new RSASSASigner(attacker));
        assertEquals(401, status(rs.serialize()));
    }

    @Test
    void an_embedded_jwk_or_a_jku_is_ignored() throws Exception {
        RSAKey attacker = new RSAKeyGenerator(2048).generate();
        var withJwk = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build(), real);
        withJwk.sign(new RSASSASigner(attacker));
        var withJku = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .jwkURL(URI.create("http://127.0.0.1:1/keys.json")).keyID("k").build(), real);
        withJku.sign(new RSASSASigner(attacker));

        assertEquals(401, status(withJwk.serialize()));
        assertEquals(401, status(withJku.serialize()));
    }

    @Test
    void expired_not_yet_valid_wrong_issuer_wrong_audience_and_wrong_type_are_refused() throws Exception {
        var now = Instant.now();
        assertEquals(401, status(hs256(with(b -> b.expirationTime(Date.from(now.minusSeconds(120)))), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.issuer("someone-else")), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.audience("another-api")), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.claim("token_use", "refresh")), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.claim("token_use", null)), SECRET)));
    }

    @Test
    void a_token_naming_another_session_or_roles_it_does_not_have_is_refused() throws Exception {
        assertEquals(401, status(hs256(with(b -> b.claim("sid", UUID.randomUUID().toString())), SECRET)));
        assertEquals(401, status(hs256(with(b -> b.claim("roles", java.util.List.of("ADMIN"))), SECRET)));
    }

    private JWTClaimsSet with(UnaryOperator<JWTClaimsSet.Builder> change) {
        return change.apply(new JWTClaimsSet.Builder(real)).build();
    }

    private static String hs256(JWTClaimsSet claims, String secret) throws Exception {
        return hs256(claims, secret, kid(secret));
    }

    private static String hs256(JWTClaimsSet claims, String secret, String kid) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).keyID(kid).build(),
                claims);
        jwt.sign(new MACSigner(secret.getBytes()));
        return jwt.serialize();
    }

    /** The key id the server derives from a secret: "hs256-" and 12 hex digits of its SHA-256. */
    private static String kid(String secret) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes());
        return "hs256-" + java.util.HexFormat.of().formatHex(digest, 0, 6);
    }

    private int status(String token) {
        return api.send("GET", "/api/v1/features", token, null).status();
    }
}
