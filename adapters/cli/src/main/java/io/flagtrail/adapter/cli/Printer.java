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
 * between items) or a table (one row per item). Results are maps, lists of maps, or plain values.
 */
final class Printer {

    enum Format { JSON, TEXT, TABLE }

    private final Format format;
    private final PrintWriter out;
    private final JsonMapper json;

    Printer(Format format, PrintWriter out, JsonMapper json) {
        this.format = format;
        this.out = out;
        this.json = json;
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
        var columns = new LinkedHashSet<String>();
        rows.forEach(row -> {
            if (row instanceof Map<?, ?> fields) {
                fields.keySet().forEach(k -> columns.add(String.valueOf(k)));
            }
        });
        if (columns.isEmpty()) {
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
