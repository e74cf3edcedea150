package io.flagtrail.adapter.logging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Makes a value safe to write into a log line: secrets masked, control characters escaped so that no input can
 * start a forged line. Secrets are recognised by the key they are logged under, and by their shape wherever they
 * appear (bearer tokens, JWTs, Flagtrail API keys and refresh tokens, {@code password=…} inside free text).
 */
final class SafeText {

    static final String MASK = "****";
    static final Set<String> SECRET_KEYS = Set.of("password", "passwd", "secret", "token", "accesstoken",
            "refreshtoken", "authorization", "apikey", "api_key", "x-api-key", "cookie", "set-cookie", "credentials");
    private static final Pattern SECRET_SHAPES = Pattern.compile(
            "(?i)(bearer(?:\\s|\\+|%20)+)[A-Za-z0-9._~+/=-]+"
                    + "|eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
                    + "|\\bftr?_[A-Za-z0-9_-]{8,}"
                    // key=value and key: value, also URL-encoded (%3D, %3A) as in a logged request line
                    + "|((?:password|passwd|secret|token|api[_-]?key|authorization|cookie)(?:\\s*[=:]\\s*|%3[dDaA]))"
                    + "(\"[^\"]*\"|[^\\s,;&\"]+)");

    private SafeText() {
    }

    static boolean isSecretKey(String key) {
        return key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""))
                || key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
    }

    /** The value as it may be logged under {@code key}. */
    static String value(String key, Object value) {
        if (value == null) {
            return "null";
        }
        return isSecretKey(key) ? MASK : text(String.valueOf(value));
    }

    /** Free text with secret shapes masked and control characters escaped. */
    static String text(String text) {
        return escape(mask(text));
    }

    static String mask(String text) {
        if (text == null) {
            return null;
        }
        var matcher = SECRET_SHAPES.matcher(text);
        var out = new StringBuilder();
        while (matcher.find()) {
            String keep = matcher.group(1) != null ? matcher.group(1) : matcher.group(2) != null ? matcher.group(2) : "";
            matcher.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(keep + MASK));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
