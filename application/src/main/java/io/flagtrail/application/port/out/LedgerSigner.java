package io.flagtrail.application.port.out;

import java.util.Map;

/** Signs ledger checkpoints (Ed25519 in production) and publishes the keys that check them. */
public interface LedgerSigner {

    /** The id of the key that signs now. */
    String keyId();

    /** A base64 signature of the statement. */
    String sign(byte[] statement);

    /** Every public key a checkpoint may name (the current one and retired ones), base64 X.509, by key id. */
    Map<String, String> publicKeys();
}
