package io.flagtrail.adapter.persistence;

import io.flagtrail.domain.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the last row's sort key, base64url-encoded so that callers do not build their own. */
public final class Cursors {

    private Cursors() {
    }

    static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The sort key in a cursor. Only what {@link #encode} could have written is taken: strict UTF-8 without control
     * characters ({@code AAAA} decodes to three NUL bytes, which PostgreSQL refuses as text).
     */
    public static String decode(String cursor) {
        try {
            String key = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor))).toString();
            if (key.isEmpty() || key.chars().anyMatch(Character::isISOControl)) {
                throw notACursor();
            }
            return key;
        } catch (IllegalArgumentException | java.nio.charset.CharacterCodingException e) {
            throw notACursor();
        }
    }

    private static InvalidInput notACursor() {
        return InvalidInput.of("cursor", "is not a cursor this service handed out");
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw notACursor();
        }
    }
}
