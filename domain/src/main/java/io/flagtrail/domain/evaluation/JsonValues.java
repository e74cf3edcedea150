package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.json.JsonNumbers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON values as evaluation holds them: maps, lists, strings, booleans, numbers in {@link JsonNumbers}' one form, null. Whatever parser a value came through (a request body, a database column, a ledger snapshot),
 * the same JSON gives an equal value, so a feature read back equals the feature written.
 */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * The value in the one form; throws {@link JsonNumbers.NumberOutOfRange} for a number JSON cannot carry unchanged,
     * and {@link IllegalArgumentException} for what is no JSON value at all (the caller reports both).
     */
    static Object normalize(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Number n -> JsonNumbers.exact(n);
            case Map<?, ?> map -> object(map);
            case List<?> list -> array(list);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        };
    }

    /**
     * About how many bytes the value takes as JSON: strings count their UTF-8 bytes and quotes but not escapes.
     * Enough to bound what a feature may hold without depending on a JSON writer.
     */
    static long size(Object value) {
        return switch (value) {
            case null -> 4;
            case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 2L;
            case Map<?, ?> map -> 2 + map.entrySet().stream()
                    .mapToLong(e -> size(String.valueOf(e.getKey())) + 1 + size(e.getValue()) + 1).sum();
            case List<?> list -> 2 + list.stream().mapToLong(v -> size(v) + 1).sum();
            default -> String.valueOf(value).length();
        };
    }

    private static Map<String, Object> object(Map<?, ?> map) {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> array(List<?> list) {
        var copy = new ArrayList<>(list.size());
        list.forEach(v -> copy.add(normalize(v)));
        return Collections.unmodifiableList(copy);
    }
}
