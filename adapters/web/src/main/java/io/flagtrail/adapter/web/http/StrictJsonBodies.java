package io.flagtrail.adapter.web.http;

import io.micronaut.core.beans.BeanIntrospector;
import io.micronaut.core.type.Argument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks a parsed JSON body against the Java type the route binds it to, strictly: a string where a string is
 * declared, a whole number in range for an integer, a boolean for a boolean, an array for a list, an object for a
 * record or a map, and no member the type does not have. The framework's binding would turn {@code true} and
 * {@code "50"} into numbers, {@code [42]} into 42 and {@code 5} into a name; this says instead what is wrong in the
 * request's own terms: the field's path and the JSON type expected. Null passes (the domain rules name what is
 * required).
 */
final class StrictJsonBodies {

    /** One problem: where in the body ({@code rules[1].values}) and what is wrong. */
    record Problem(String field, String message) {
    }

    private StrictJsonBodies() {
    }

    static List<Problem> check(Object json, Argument<?> type) {
        var problems = new ArrayList<Problem>();
        check(json, type, "", problems);
        return problems;
    }

    private static void check(Object value, Argument<?> type, String path, List<Problem> problems) {
        if (value == null) {
            return;
        }
        Class<?> t = type.getType();
        if (t == Object.class) {
            return; // any JSON value; the domain checks what it holds
        }
        if (t == String.class || t == UUID.class || t == Instant.class || t.isEnum()) {
            expect(value instanceof String, value, "a string", path, problems);
            if (value instanceof String s && t == Instant.class) {
                instant(s, path, problems);
            }
        } else if (t == Boolean.class || t == boolean.class) {
            expect(value instanceof Boolean, value, "true or false", path, problems);
        } else if (t == Integer.class || t == int.class || t == Long.class || t == long.class) {
            wholeNumber(value, t == Integer.class || t == int.class, path, problems);
        } else if (Number.class.isAssignableFrom(t) || t == double.class) {
            expect(value instanceof Number, value, "a number", path, problems);
        } else if (Collection.class.isAssignableFrom(t)) {
            if (expect(value instanceof List<?>, value, "an array", path, problems)) {
                var items = (List<?>) value;
                var item = type.getFirstTypeVariable().orElse(Argument.OBJECT_ARGUMENT);
                for (int i = 0; i < items.size(); i++) {
                    check(items.get(i), item, path + "[" + i + "]", problems);
                }
            }
        } else if (Map.class.isAssignableFrom(t)) {
            if (expect(value instanceof Map<?, ?>, value, "an object", path, problems)) {
                var member = type.getTypeVariable("V").orElse(Argument.OBJECT_ARGUMENT);
                ((Map<?, ?>) value).forEach((k, v) -> check(v, member, join(path, String.valueOf(k)), problems));
            }
        } else {
            record(value, t, path, problems);
        }
    }

    private static void record(Object value, Class<?> t, String path, List<Problem> problems) {
        var introspection = BeanIntrospector.SHARED.findIntrospection(t).orElse(null);
        if (introspection == null) {
            return; // a type this check does not know: binding decides
        }
        if (!expect(value instanceof Map<?, ?>, value, "an object", path, problems)) {
            return;
        }
        var members = (Map<?, ?>) value;
        var fields = new java.util.TreeMap<String, io.micronaut.core.beans.BeanProperty<?, ?>>();
        introspection.getBeanProperties().forEach(p -> fields.put(jsonName(p), p));
        for (var entry : members.entrySet()) {
            String name = String.valueOf(entry.getKey());
            var property = fields.get(name);
            if (property == null) {
                problems.add(new Problem(join(path, name), "is not a field of this request; it has " + fields.keySet()));
            } else {
                check(entry.getValue(), property.asArgument(), join(path, name), problems);
            }
        }
    }

    /** The field's name in JSON: its {@code @JsonProperty} where it has one (a Java keyword such as "protected"). */
    private static String jsonName(io.micronaut.core.beans.BeanProperty<?, ?> property) {
        return property.getAnnotationMetadata().stringValue(com.fasterxml.jackson.annotation.JsonProperty.class)
                .orElse(property.getName());
    }

    private static void wholeNumber(Object value, boolean intRange, String path, List<Problem> problems) {
        if (!expect(value instanceof Number, value, "a whole number", path, problems)) {
            return;
        }
        if (!(value instanceof Long l)) {
            problems.add(new Problem(path, "must be a whole number (got " + value + ")"));
        } else if (intRange && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
            problems.add(new Problem(path, "must be a whole number between " + Integer.MIN_VALUE + " and "
                    + Integer.MAX_VALUE));
        }
    }

    private static void instant(String text, String path, List<Problem> problems) {
        if (io.flagtrail.application.port.in.Instants.parse(text).isEmpty()) {
            problems.add(new Problem(path, io.flagtrail.application.port.in.Instants.EXPECTED));
        }
    }

    private static boolean expect(boolean ok, Object value, String what, String path, List<Problem> problems) {
        if (!ok) {
            problems.add(new Problem(path, "must be " + what + " (got " + kind(value) + ")"));
        }
        return ok;
    }

    private static String kind(Object value) {
        return switch (value) {
            case String s -> "a string";
            case Boolean b -> "a boolean";
            case Number n -> "a number";
            case List<?> l -> "an array";
            case Map<?, ?> m -> "an object";
            default -> "null";
        };
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
