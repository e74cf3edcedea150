package io.flagtrail.adapter.cli;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a command's JSON input from a file or, for {@code -}, standard input. Malformed JSON, unknown fields and
 * values of the wrong type are refused with the parser's message, which names the field (exit code 2).
 */
final class JsonInput {

    private JsonInput() {
    }

    /** One JSON object into the record {@code type}. */
    static <T extends Record> T object(String source, Class<T> type, JsonMapper json) {
        byte[] bytes = bytes(source);
        if (!(read(bytes, source, Argument.of(Object.class), json) instanceof Map<?, ?> fields)) {
            throw new CliFailure(2, "invalid JSON in " + name(source) + ": expected an object");
        }
        check(fields, type, "");
        return read(bytes, source, Argument.of(type), json);
    }

    /** A JSON array of objects, each into the record {@code type}. */
    static <T extends Record> List<T> array(String source, Class<T> type, JsonMapper json) {
        byte[] bytes = bytes(source);
        if (!(read(bytes, source, Argument.of(Object.class), json) instanceof List<?> items)) {
            throw new CliFailure(2, "invalid JSON in " + name(source) + ": expected an array of objects");
        }
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> fields)) {
                throw new CliFailure(2, "invalid JSON in " + name(source) + ": item " + i + " is not an object");
            }
            check(fields, type, "item " + i + ": ");
        }
        return read(bytes, source, Argument.listOf(type), json);
    }

    /**
     * Names the first field that the record does not have, or whose value has the wrong JSON type, before the
     * mapper (whose messages do not say which property) sees it.
     */
    private static void check(Map<?, ?> fields, Class<? extends Record> type, String where) {
        var components = new HashMap<String, RecordComponent>();
        for (var component : type.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (var field : fields.entrySet()) {
            var component = components.get(String.valueOf(field.getKey()));
            if (component == null) {
                throw new CliFailure(2, where + "unknown field '" + field.getKey() + "'; known fields are "
                        + new TreeSet<>(components.keySet()));
            }
            String expected = expected(component, field.getValue());
            if (expected != null) {
                throw new CliFailure(2, where + "field '" + field.getKey() + "' must be " + expected);
            }
        }
    }

    /** What the value should have been, or null when it fits (null fits every field). */
    private static String expected(RecordComponent component, Object value) {
        if (value == null) {
            return null;
        }
        Class<?> type = component.getType();
        if (type == String.class) {
            return value instanceof String ? null : "a string";
        }
        if (type == Boolean.class) {
            return value instanceof Boolean ? null : "true or false";
        }
        if (type == Integer.class) {
            return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                    && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE ? null : "a whole number";
        }
        if (type == List.class && component.getGenericType().getTypeName().equals("java.util.List<java.lang.String>")) {
            return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)
                    ? null : "an array of strings";
        }
        if (type == List.class) {
            return value instanceof List<?> ? null : "an array";
        }
        if (type == Map.class) {
            return value instanceof Map<?, ?> ? null : "an object";
        }
        return null;
    }

    private static <T> T read(byte[] bytes, String source, Argument<T> type, JsonMapper json) {
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new CliFailure(2, "invalid JSON in " + name(source) + ": it is empty or null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliFailure failure) {
                throw failure;
            }
            throw new CliFailure(2, "invalid JSON in " + name(source) + ": " + causes(e));
        }
    }

    private static byte[] bytes(String source) {
        try {
            if ("-".equals(source)) {
                try (InputStream in = System.in) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new CliFailure(2, "no such file: " + source);
        } catch (IOException e) {
            throw new CliFailure(1, "cannot read " + name(source) + ": " + e.getMessage());
        }
    }

    private static String name(String source) {
        return "-".equals(source) ? "standard input" : source;
    }

    /** The parser's messages from the outside in: the outer one names the property, the inner one what was wrong. */
    private static String causes(Throwable e) {
        var messages = new ArrayList<String>();
        for (Throwable cause = e; cause != null && messages.size() < 4; cause = cause.getCause()) {
            String line = firstLine(cause.getMessage());
            if (!messages.contains(line)) {
                messages.add(line);
            }
        }
        return String.join(": ", messages);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
