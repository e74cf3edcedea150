package io.flagtrail.application.port.out;

import java.util.Map;

/** Signs ledger checkpoints (Ed25519 in production) and publishes the keys that check them. */
public interface LedgerSigner {

    /** The id of the key that signs now. */
    String keyId();

    /** A base64 signature of the statement; {@link CannotSign} when the key's holder cannot sign now. */
    String sign(byte[] statement);

    /** Every public key a checkpoint may name (the current one and retired ones), base64 X.509, by key id. */
    Map<String, String> publicKeys();

    /**
     * An external signer that is down, slow or refusing: nothing is signed, and the caller may try again later.
     * (An {@link IllegalStateException}, so that at start it stops startup with its message.)
     */
    final class CannotSign extends IllegalStateException {
        public CannotSign(String message) {
            super(message);
        }

        public CannotSign(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
