package io.flagtrail.adapter.web.http;

/** Keeps text echoed back to a client short and free of control characters. */
final class LogSafe {

    private static final int MAX = 300;

    private LogSafe() {
    }

    static String text(String text) {
        if (text == null) {
            return null;
        }
        var clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > MAX ? clean.substring(0, MAX) + "…" : clean;
    }
}
