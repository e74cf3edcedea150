package io.flagtrail.adapter.security;

import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.ServerSecrets;
import io.flagtrail.domain.ledger.SigningKeys;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Signs ledger checkpoints with Ed25519. The private key (PKCS#8, base64) comes from
 * {@code FLAGTRAIL_LEDGER_SIGNING_KEY}, or a file named by {@code FLAGTRAIL_LEDGER_SIGNING_KEY_FILE}, or is
 * generated on first start and kept in the database so that every instance signs with the same key. The key id
 * is derived from the public key, so a checkpoint names exactly the key that checks it. Retired public keys stay
 * publishable through {@code flagtrail.ledger.retired-public-keys.<keyId>}.
 */
@Singleton
final class Ed25519LedgerSigner implements LedgerSigner {

    static final String SECRET_NAME = "ledger-signing-key";
    static final String RETIRED = "flagtrail.ledger.retired-public-keys";

    private final PrivateKey privateKey;
    private final String keyId;
    private final Map<String, String> publicKeys;

    Ed25519LedgerSigner(@Nullable @Value("${flagtrail.ledger.signing-key:}") String configured,
                        @Nullable @Value("${flagtrail.ledger.signing-key-file:}") String file,
                        ServerSecrets secrets, Environment environment) {
        String encoded = notBlank(configured) ? configured
                : notBlank(file) ? read(file)
                : secrets.getOrCreate(SECRET_NAME, Ed25519LedgerSigner::generate);
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded.strip())));
            var publicKey = publicKeyOf(privateKey);
            String publicEncoded = Base64.getEncoder().encodeToString(publicKey.getEncoded());
            this.keyId = SigningKeys.keyId(publicKey.getEncoded());
            this.publicKeys = withRetired(keyId, publicEncoded, environment);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the ledger signing key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] statement) {
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(statement);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a ledger checkpoint", e);
        }
    }

    @Override
    public Map<String, String> publicKeys() {
        return publicKeys;
    }

    /** The signing key's public key with the retired ones listed in {@value #RETIRED}, by key id. */
    static Map<String, String> withRetired(String keyId, String publicKey, Environment environment) {
        var keys = new HashMap<String, String>();
        environment.getProperties(RETIRED).forEach((id, key) -> keys.put(id, String.valueOf(key)));
        keys.put(keyId, publicKey);
        return Map.copyOf(keys);
    }

    /** Ed25519's public key is derived from the private one; the JDK exposes that only through a key pair, so rebuild it. */
    private static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        var eddsa = (java.security.interfaces.EdECPrivateKey) key;
        byte[] seed = eddsa.getBytes().orElseThrow(() -> new GeneralSecurityException("no private key bytes"));
        var generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(new java.security.spec.NamedParameterSpec("Ed25519"), new FixedSeed(seed));
        return generator.generateKeyPair().getPublic();
    }

    private static String generate() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make Ed25519 keys", e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ledger signing key file " + file, e);
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /** Hands the key generator the private key's own seed, so that it rebuilds that key pair. */
    private static final class FixedSeed extends java.security.SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
