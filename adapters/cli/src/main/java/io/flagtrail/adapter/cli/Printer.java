package io.flagtrail.adapter.cli;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a command's result: JSON (one document, for scripts), text ({@code field: value} lines, a blank line
 * between items) or a table (one row per item, only the columns a person scans; the full data stays in JSON and
 * text). Results are maps, lists of maps, or plain values; a page of items is {@code {"items", "nextCursor"}} in
 * JSON, as the API answers, and the other formats end it with the option that fetches the next page.
 */
final class Printer {

    enum Format { JSON, TEXT, TABLE }

    private final Format format;
    private final PrintWriter out;
    private final JsonMapper json;
    private final List<String> tableColumns;

    /** {@code tableColumns}: the columns of a table, in order; empty for every field of the rows. */
    Printer(Format format, PrintWriter out, JsonMapper json, List<String> tableColumns) {
        this.format = format;
        this.out = out;
        this.json = json;
        this.tableColumns = tableColumns;
    }

    static Format format(String chosen, String configuredDefault) {
        String name = chosen != null ? chosen : configuredDefault == null ? "json" : configuredDefault;
        try {
            return Format.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "--format (or CLI_DEFAULT_FORMAT) must be json, text or table, was '" + name + "'");
        }
    }

    void print(Object result) {
        switch (format) {
            case JSON -> out.println(toJson(result));
            case TEXT -> text(result);
            case TABLE -> table(result);
        }
        out.flush();
    }

    /** One page of items and the cursor of the next page (null on the last page). */
    void printPage(List<?> items, String nextCursor) {
        if (format == Format.JSON) {
            var page = new java.util.LinkedHashMap<String, Object>();
            page.put("items", items);
            page.put("nextCursor", nextCursor);
            out.println(toJson(page));
        } else {
            print(items);
            if (nextCursor != null) {
                out.println();
                out.println("more: --cursor " + nextCursor);
            }
        }
        out.flush();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void text(Object result) {
        if (result instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                text(items.get(i));
            }
        } else if (result instanceof Map<?, ?> fields) {
            fields.forEach((field, value) -> out.println(field + ": " + cell(value)));
        } else {
            out.println(cell(result));
        }
    }

    private void table(Object result) {
        List<?> rows = result instanceof List<?> items ? items : List.of(result);
        var columns = new LinkedHashSet<String>(tableColumns);
        if (columns.isEmpty()) {
            rows.forEach(row -> {
                if (row instanceof Map<?, ?> fields) {
                    fields.keySet().forEach(k -> columns.add(String.valueOf(k)));
                }
            });
        }
        if (columns.isEmpty() || rows.stream().anyMatch(row -> !(row instanceof Map<?, ?>))) {
            text(result);
            return;
        }
        var cells = new ArrayList<List<String>>();
        cells.add(List.copyOf(columns));
        for (var row : rows) {
            var fields = (Map<?, ?>) row;
            cells.add(columns.stream().map(c -> cell(fields.get(c))).toList());
        }
        int[] widths = new int[columns.size()];
        cells.forEach(line -> {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        });
        for (var line : cells) {
            var text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                text.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", line.get(i)));
            }
            out.println(text.toString().stripTrailing());
        }
    }

    private String cell(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof Map<?, ?> || value instanceof List<?> ? toJson(value) : String.valueOf(value);
    }
}
