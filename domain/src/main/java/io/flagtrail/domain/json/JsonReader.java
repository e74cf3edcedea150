package io.flagtrail.domain.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text into plain Java values (maps, lists, strings, booleans, numbers in {@link JsonNumbers}' one form, null), so that an
 * evidence bundle can be checked with nothing but the JDK. Strict: trailing data and malformed text are refused, and
 * so is nesting deeper than {@value #MAX_DEPTH} levels (far more than any variant or rule needs): each level is three frames of this
 * recursive reader (and of the writers after it), and {@code [[[[…} of a few thousand levels overflowed the stack.
 */
public final class JsonReader {

    /** The deepest nesting of arrays and objects read. */
    public static final int MAX_DEPTH = 128;

    private final JsonTokens in;
    private int depth;

    private JsonReader(String text) {
        this.in = new JsonTokens(text);
    }

    public static Object parse(String text) {
        var reader = new JsonReader(text);
        reader.in.skipSpace();
        Object value = reader.value();
        reader.in.skipSpace();
        if (!reader.in.atEnd()) {
            throw reader.in.error("trailing data");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        if (parse(text) instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a JSON object");
    }

    private Object value() {
        if (in.atEnd()) {
            throw in.error("unexpected end");
        }
        char c = in.peek();
        return switch (c) {
            case '{', '[' -> nested(c);
            case '"' -> in.string();
            case 't' -> in.literal("true", Boolean.TRUE);
            case 'f' -> in.literal("false", Boolean.FALSE);
            case 'n' -> in.literal("null", null);
            default -> in.number();
        };
    }

    private Object nested(char opening) {
        if (++depth > MAX_DEPTH) {
            throw in.error("nested deeper than " + MAX_DEPTH + " levels");
        }
        Object value = opening == '{' ? object() : array();
        depth--;
        return value;
    }

    private Map<String, Object> object() {
        var map = new LinkedHashMap<String, Object>();
        in.next();
        in.skipSpace();
        if (in.peek() == '}') {
            in.next();
            return map;
        }
        while (true) {
            in.skipSpace();
            if (in.peek() != '"') {
                throw in.error("expected a member name");
            }
            String key = in.string();
            in.skipSpace();
            in.expect(':');
            in.skipSpace();
            if (map.containsKey(key)) {
                throw in.error("duplicate member " + key);
            }
            map.put(key, value());
            in.skipSpace();
            char c = in.next();
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw in.error("expected , or }");
            }
        }
    }

    private List<Object> array() {
        var list = new ArrayList<>();
        in.next();
        in.skipSpace();
        if (in.peek() == ']') {
            in.next();
            return list;
        }
        while (true) {
            in.skipSpace();
            list.add(value());
            in.skipSpace();
            char c = in.next();
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw in.error("expected , or ]");
            }
        }
    }
}
