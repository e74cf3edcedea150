package io.flagtrail.adapter.persistence;

import java.util.Locale;

/** Builds LIKE patterns from user text, escaping the wildcards so that "50%" means fifty percent. */
final class LikePatterns {

    static final String ESCAPE_CLAUSE = " ESCAPE '\\'";

    private LikePatterns() {
    }

    static String containing(String text) {
        return "%" + escape(text.toLowerCase(Locale.ROOT)) + "%";
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
