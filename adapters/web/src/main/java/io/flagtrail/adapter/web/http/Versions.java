package io.flagtrail.adapter.web.http;

import io.flagtrail.domain.error.InvalidInput;

/** A feature's version as an HTTP entity tag: version 3 is {@code "3"}. */
public final class Versions {

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header asks for; null when absent or {@code *} (any current version). */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        var tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("If-Match", "must be the entity tag of a version, such as \"3\"");
        }
    }
}
