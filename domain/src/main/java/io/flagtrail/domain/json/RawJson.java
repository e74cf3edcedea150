package io.flagtrail.domain.json;

import java.util.Objects;

/**
 * JSON text that is already in RFC 8785 canonical form (as the ledger stores its snapshot columns), to be
 * embedded verbatim by {@link CanonicalJson} instead of being parsed and written again.
 */
public record RawJson(String text) {

    public RawJson {
        Objects.requireNonNull(text, "text");
    }

    /** Null stays JSON null. */
    public static Object ofNullable(String text) {
        return text == null ? null : new RawJson(text);
    }
}
