package io.flagtrail.adapter.web.http;

import java.util.regex.Pattern;

/** The W3C Trace Context {@code traceparent} header (version-traceid-parentid-flags); anything else is ignored. */
final class Traceparents {

    private static final Pattern SHAPE = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    private Traceparents() {
    }

    /** The header when it is well-formed, else null. */
    static String valid(String header) {
        return header != null && SHAPE.matcher(header).matches() ? header : null;
    }

    /** The trace id inside a well-formed header, else null. */
    static String traceId(String header) {
        if (header == null) {
            return null;
        }
        var matcher = SHAPE.matcher(header);
        return matcher.matches() ? matcher.group(1) : null;
    }
}
