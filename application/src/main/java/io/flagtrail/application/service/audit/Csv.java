package io.flagtrail.application.service.audit;

import io.flagtrail.domain.json.RawJson;

/** The one way Flagtrail writes a CSV cell: audit exports and reports alike. */
public final class Csv {

    private Csv() {
    }

    /** RFC 4180 quoting, plus OWASP's advice against CSV injection: a leading = + - @ tab or CR gets a quote. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof RawJson raw ? raw.text() : String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
