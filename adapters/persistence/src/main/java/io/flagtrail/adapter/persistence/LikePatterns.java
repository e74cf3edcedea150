package io.flagtrail.adapter.persistence;

import java.util.Locale;

/** Builds LIKE patterns from user text, escaping the wildcards so that "50%" means fifty percent. */
public final class LikePatterns {

    public static final String ESCAPE_CLAUSE = " ESCAPE '\\'";

    private LikePatterns() {
    }

    public static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
