package io.flagtrail.adapter.persistence;

import io.flagtrail.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the last row's sort key, base64url-encoded so that callers do not build their own. */
final class Cursors {

    private Cursors() {
    }

    static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("cursor", "is not a cursor this service handed out");
        }
    }

    static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw InvalidInput.of("cursor", "is not a cursor this service handed out");
        }
    }
}
