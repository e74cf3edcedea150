package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.LedgerSigner;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/** A real Ed25519 signer over a key made for the test run (the production one keeps its key across restarts). */
public final class GeneratedKeySigner implements LedgerSigner {

    private final KeyPair key;
    private final String keyId;
    private volatile boolean down;

    public GeneratedKeySigner() {
        try {
            key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        keyId = "test-" + Integer.toHexString(java.util.Arrays.hashCode(key.getPublic().getEncoded()));
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /** From now on signs nothing (an external signer that is down), or signs again. */
    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public String sign(byte[] statement) {
        if (down) {
            throw new LedgerSigner.CannotSign("the signer is down");
        }
        try {
            var signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(statement);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> publicKeys() {
        return Map.of(keyId(), Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    }
}
