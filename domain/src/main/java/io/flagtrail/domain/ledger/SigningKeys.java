package io.flagtrail.domain.ledger;

import java.util.Base64;
import java.util.HexFormat;

/** How a public key is named: anyone holding the key derives the same id, so a checkpoint names exactly its key. */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** {@code ed25519-} and the first 8 bytes, hex, of the SHA-256 of the X.509 encoding. */
    public static String keyId(byte[] encodedPublicKey) {
        return "ed25519-" + HexFormat.of().formatHex(Sha256.digest().digest(encodedPublicKey), 0, 8);
    }

    /** The id of a public key given as base64 X.509, as {@code /api/v1/audit/keys} lists it. */
    public static String keyId(String publicKey) {
        return keyId(Base64.getDecoder().decode(publicKey.strip()));
    }
}
