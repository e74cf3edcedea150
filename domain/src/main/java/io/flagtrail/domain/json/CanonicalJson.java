package io.flagtrail.domain.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JSON Canonicalization Scheme) for plain Java values: maps with string keys, collections, strings,
 * booleans, numbers, null, and {@link RawJson}. Object members are sorted by UTF-16 code units, strings are
 * escaped as ECMAScript's JSON.stringify does, numbers are written as ECMAScript writes a double (a number beyond ±2^53 as the double it becomes).
 * The same bytes on every machine: this is what the ledger hashes.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static String write(Object value) {
        var out = new StringBuilder(2048); // an entry's line is 1 to 2 KB: grown once at most
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case RawJson raw -> out.append(raw.text());
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l when JsonNumbers.isExactInteger(l) -> out.append(l);
            case Number n -> out.append(Es6Numbers.format(n.doubleValue()));
            case FixedKeyMap map -> fixed(map, out);
            case Map<?, ?> map -> object(map, out);
            case Collection<?> list -> array(list, out);
            case Enum<?> e -> string(e.name(), out);
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Keys already sorted and known to be strings: written in one pass, each member's opening ({@code ,"key":})
     * appended whole (written once per shape), which halves the work of an entry's line.
     */
    private static void fixed(FixedKeyMap map, StringBuilder out) {
        if (map.values.length == 0) {
            out.append("{}");
            return;
        }
        var openings = map.keys.openings;
        for (int i = 0; i < map.values.length; i++) {
            out.append(openings[i]);
            write(map.values[i], out);
        }
        out.append('}');
    }

    /** A string as a JSON string literal. */
    static String quoted(String s) {
        var out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    private static void object(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String s)) {
                throw new IllegalArgumentException("JSON object keys must be strings: " + key);
            }
            keys.add(s);
        }
        keys.sort(null); // String.compareTo compares UTF-16 code units, as RFC 8785 asks
        out.append('{');
        for (int i = 0; i < keys.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(keys.get(i), out);
            out.append(':');
            write(map.get(keys.get(i)), out);
        }
        out.append('}');
    }

    private static void array(Collection<?> list, StringBuilder out) {
        out.append('[');
        boolean first = true;
        for (Object item : list) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(item, out);
        }
        out.append(']');
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        if (!needsEscaping(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Most strings hold nothing to escape; appending them whole is what makes verifying a million entries fast. */
    private static boolean needsEscaping(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
