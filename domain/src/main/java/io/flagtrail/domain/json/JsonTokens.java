package io.flagtrail.domain.json;

/**
 * The lexical half of {@link JsonReader}: a position in the text, and the scalars read there (strings, numbers,
 * literals), with errors that name the offset. The reader builds objects and arrays from these.
 */
final class JsonTokens {

    private final String text;
    private int at;

    JsonTokens(String text) {
        this.text = text;
    }

    boolean atEnd() {
        return at >= text.length();
    }

    String string() {
        expect('"');
        var out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return noLoneSurrogate(out);
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("short unicode escape");
                    }
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    /** RFC 7493 (I-JSON) §2.1: a string holds no lone UTF-16 surrogate, which no Unicode text can carry. */
    private String noLoneSurrogate(StringBuilder out) {
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < out.length() && Character.isLowSurrogate(out.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw error("lone UTF-16 surrogate in a string");
            }
        }
        return out.toString();
    }

    /** RFC 8259's number grammar, read into {@link JsonNumbers}' one form: the nearest double, refused beyond its range. */
    Object number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            throw error("unexpected character");
        }
        if (peek() == '.') {
            at++;
            if (!digits()) {
                throw error("expected a digit after the decimal point");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                throw error("expected a digit in the exponent");
            }
        }
        String literal = text.substring(start, at);
        try {
            return JsonNumbers.nearest(literal);
        } catch (JsonNumbers.NumberOutOfRange e) {
            throw error("number " + literal + " out of range");
        }
    }

    /** Skips a run of digits; answers whether there was one. */
    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character");
        }
        at += word.length();
        return value;
    }

    void skipSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    char next() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at++);
    }

    void expect(char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at offset " + at + ": " + what);
    }
}
