package io.flagtrail.bootstrap;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Generates requests for every operation of an OpenAPI document from one seed: parameters and bodies drawn from
 * the document's schemas (so that many requests get past validation and reach the use cases), and as often broken
 * in the ways clients and attackers break them.
 */
final class FuzzRequests {

    /** Which credential a request carries. */
    enum Credential { ADMIN, SPARE_SESSION, API_KEY, FORGED, NONE }

    /** Things that exist on the server, so that generated paths hit real resources too. */
    record Fixtures(String feature, String userId, String apiKeyId, String apiKeySecret, String holdId) {
    }

    /** One generated request; {@code path} is encoded and carries the query, {@code template} is the document's. */
    record Request(String method, String template, String path, Credential credential, Map<String, String> headers, String contentType,
                   byte[] body) {

        String describe() {
            String shown = body == null ? "" : " body[" + contentType + "] " + abbreviate(new String(body, StandardCharsets.UTF_8));
            return method + " " + path + " as " + credential + (headers.isEmpty() ? "" : " " + headers) + shown;
        }

        private static String abbreviate(String s) {
            return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
        }
    }

    /** A JSON number written as given, for numbers no Java type holds (1e400). */
    private record RawNumber(String text) {
    }

    /** Strings that have broken services: control characters, NUL, encodings, injections, sizes. */
    private static final List<String> NASTY = List.of("", " ", "\u0000", "a\u0000b", "\u0007", "\t", "..", "%",
            "../../etc/passwd", "漢字 ✓ é", "<script>alert(1)</script>", "'; drop table features;--", "-1",
            "99999999999999999999", "null", "true", "1e400", "${jndi:ldap://127.0.0.1/x}", "a".repeat(300), "AAAA",
            "\\", "\"", "{}", "[]");
    private static final List<Object> WRONG_TYPES = List.of(true, "50", List.of(42), 1.99, Map.of("a", 1), -1,
            "\u0000", new RawNumber("1e400"), new RawNumber("-0"), new RawNumber("15000000000000000000"));
    private static final List<String> BROKEN_BODIES = List.of("", "{", "[]", "null", "{} trailing", "\"text\"",
            "{\"a\":1,\"a\":2}", "1e999999", "{\"key\":\"\\ud800\"}", "[".repeat(3000) + "]".repeat(3000));

    private final Map<String, Object> document;
    private final Map<String, Object> schemas;
    private final Random random;
    private final Fixtures fixtures;
    private int serial;

    @SuppressWarnings("unchecked")
    FuzzRequests(Map<String, Object> document, long seed, Fixtures fixtures) {
        this.document = document;
        this.schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        this.random = new Random(seed);
        this.fixtures = fixtures;
    }

    /** {@code perOperation} requests for each operation, in the document's order. */
    @SuppressWarnings("unchecked")
    List<Request> all(int perOperation) {
        var requests = new ArrayList<Request>();
        var paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((template, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && List.of("get", "post", "put", "patch", "delete").contains(method)) {
                for (int i = 0; i < perOperation; i++) {
                    requests.add(request(template, method.toUpperCase(java.util.Locale.ROOT), (Map<String, Object>) op));
                }
            }
        }));
        return requests;
    }

    @SuppressWarnings("unchecked")
    private Request request(String template, String method, Map<String, Object> operation) {
        var parameters = operation.get("parameters") instanceof List<?> list ? (List<Map<String, Object>>) list : List.<Map<String, Object>>of();
        String path = template;
        var query = new StringBuilder();
        var headers = new LinkedHashMap<String, String>();
        for (var parameter : parameters) {
            String name = (String) parameter.get("name");
            switch ((String) parameter.get("in")) {
                case "path" -> path = path.replace("{" + name + "}", encode(pathValue(name)));
                case "query" -> {
                    if (random.nextBoolean()) {
                        query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(encode(queryValue(name)));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean()) {
                        headers.put(name, headerValue(name));
                    }
                }
                default -> { }
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? '?' : '&').append(random.nextBoolean() ? "unknown=1" : "apiKey=ft_fuzz");
        }
        if (random.nextInt(10) == 0) {
            headers.put("X-Request-Id", random.nextBoolean() ? "fz-" + serial : "bad id with spaces");
        }
        Credential credential = credential(template);
        var body = operation.get("requestBody") instanceof Map<?, ?> requestBody ? body((Map<String, Object>) requestBody, method) : null;
        return new Request(method, template, path + query, credential, headers, body == null ? null : body.type(),
                body == null ? null : body.bytes());
    }

    private Credential credential(String template) {
        int roll = random.nextInt(100);
        if (template.endsWith("/logout")) {
            return roll < 40 ? Credential.SPARE_SESSION : roll < 70 ? Credential.FORGED : Credential.NONE;
        }
        if (template.startsWith("/ofrep/")) {
            return roll < 60 ? Credential.API_KEY : roll < 80 ? Credential.ADMIN : roll < 90 ? Credential.FORGED : Credential.NONE;
        }
        return roll < 80 ? Credential.ADMIN : roll < 87 ? Credential.NONE : roll < 94 ? Credential.FORGED : Credential.API_KEY;
    }

    private String pathValue(String name) {
        int roll = random.nextInt(10);
        if (roll < 4) {
            return switch (name) {
                case "key" -> fixtures.feature();
                case "id" -> pick(List.of(fixtures.userId(), fixtures.apiKeyId(), fixtures.holdId()));
                case "name" -> pick(List.of("file", "db"));
                default -> "x";
            };
        }
        if (roll < 6) {
            return name.equals("key") ? "fz-" + alphanumeric(6) : UUID.randomUUID().toString();
        }
        return pick(NASTY);
    }

    private String queryValue(String name) {
        if (random.nextBoolean()) {
            return pick(NASTY);
        }
        return switch (name) {
            case "limit" -> pick(List.of("1", "50", "500", "0", "-1", "501", "99999999999", "1.5"));
            case "cursor" -> pick(List.of("AAAA", "eyJ4IjoxfQ", "%%%"));
            case "asOf", "from", "to", "since", "until" -> pick(List.of("2026-01-01T00:00:00Z", java.time.Instant.now().toString(),
                    "2026-13-01T00:00:00Z", "yesterday", "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"));
            case "format" -> pick(List.of("ndjson", "csv", "xml"));
            case "status" -> pick(List.of("ACTIVE", "DELETED", "active", "ANY"));
            default -> pick(List.of(fixtures.feature(), "FEATURE_CREATED", "CHANGE", "USER", "x"));
        };
    }

    /** A header value: only what HTTP carries (visible ASCII and spaces). */
    private String headerValue(String name) {
        return switch (name) {
            case "If-Match", "If-None-Match" -> pick(List.of("\"1\"", "\"2\"", "\"999\"", "*", "garbage", "W/\"1\"", ""));
            default -> pick(List.of("fuzz reason", "", "a".repeat(2000), "%00", "<b>"));
        };
    }

    private record Body(String type, byte[] bytes) {
    }

    @SuppressWarnings("unchecked")
    private Body body(Map<String, Object> requestBody, String method) {
        var content = (Map<String, Object>) requestBody.get("content");
        var schema = content == null || content.get("application/json") == null ? Map.<String, Object>of()
                : (Map<String, Object>) ((Map<String, Object>) content.get("application/json")).getOrDefault("schema", Map.of());
        if (!Boolean.TRUE.equals(requestBody.get("required")) && random.nextInt(5) == 0) {
            return null;
        }
        String type = method.equals("PATCH") && random.nextBoolean() ? "application/merge-patch+json" : "application/json";
        Object instance = instance(schema, 0);
        switch (random.nextInt(10)) {
            case 5 -> mutate(instance, pick(WRONG_TYPES));
            case 6 -> add(instance, "unknownField", "x");
            case 7 -> mutate(instance, pick(List.of("\u0000", "\ud800", "a\udc00b")));
            case 8 -> {
                return new Body(type, pick(BROKEN_BODIES).getBytes(StandardCharsets.UTF_8));
            }
            case 9 -> {
                if (random.nextBoolean()) {
                    return new Body(type, new byte[] {'{', '"', 'k', 'e', 'y', '"', ':', '"', (byte) 0xff, '"', '}'});
                }
                return new Body(pick(List.of("text/plain", "application/xml")), write(instance).getBytes(StandardCharsets.UTF_8));
            }
            default -> { }
        }
        return new Body(type, write(instance).getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private void mutate(Object instance, Object value) {
        if (instance instanceof Map<?, ?> map && !map.isEmpty()) {
            var keys = new ArrayList<>(map.keySet());
            ((Map<Object, Object>) map).put(keys.get(random.nextInt(keys.size())), value);
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Object instance, String name, Object value) {
        if (instance instanceof Map<?, ?> map) {
            ((Map<Object, Object>) map).put(name, value);
        }
    }

    /** A value the schema admits, with plausible strings where the property name says what it is. */
    @SuppressWarnings("unchecked")
    private Object instance(Map<String, Object> schema, int depth) {
        if (schema.get("$ref") instanceof String ref) {
            return instance((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), depth);
        }
        for (var key : List.of("allOf", "anyOf", "oneOf")) {
            if (schema.get(key) instanceof List<?> parts && !parts.isEmpty()) {
                var usable = parts.stream().map(p -> (Map<String, Object>) p).filter(p -> !"null".equals(p.get("type"))).toList();
                return usable.isEmpty() ? null : instance(usable.get(random.nextInt(usable.size())), depth);
            }
        }
        if (schema.get("enum") instanceof List<?> values) {
            return values.get(random.nextInt(values.size()));
        }
        String type = type(schema.get("type"));
        return switch (type) {
            case "object" -> object(schema, depth);
            case "array" -> {
                var items = new ArrayList<>();
                var itemSchema = schema.get("items") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
                for (int i = random.nextInt(depth > 2 ? 1 : 3); i > 0; i--) {
                    items.add(instance(itemSchema, depth + 1));
                }
                yield items;
            }
            case "integer" -> pick(List.of(0, 1, 25, 50, 100, -1, 101, Integer.MAX_VALUE, 9007199254740993L));
            case "number" -> pick(List.of(0, 0.5, 1.5e19, -0.0, Double.MAX_VALUE, Double.MIN_VALUE));
            case "boolean" -> random.nextBoolean();
            case "string" -> string(null, schema);
            default -> pick(List.of(true, 1, "x", 2.5));
        };
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> schema, int depth) {
        var object = new LinkedHashMap<String, Object>();
        var required = schema.get("required") instanceof List<?> r ? r : List.of();
        if (schema.get("properties") instanceof Map<?, ?> properties) {
            properties.forEach((name, property) -> {
                if (required.contains(name) || random.nextBoolean()) {
                    var propertySchema = (Map<String, Object>) property;
                    object.put((String) name, "string".equals(type(propertySchema.get("type")))
                            ? string((String) name, propertySchema) : instance(propertySchema, depth + 1));
                }
            });
        } else if (schema.get("additionalProperties") instanceof Map<?, ?> extra && depth < 3) {
            for (int i = random.nextInt(3); i > 0; i--) {
                object.put("v" + i, instance((Map<String, Object>) extra, depth + 1));
            }
        }
        return object;
    }

    private String string(String name, Map<String, Object> schema) {
        serial++;
        if (random.nextInt(4) == 0) {
            return pick(NASTY);
        }
        String lower = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("key") || lower.endsWith("variant")) {
            return lower.endsWith("variant") ? pick(List.of("on", "off", "v1")) : "fz-" + alphanumeric(8);
        }
        if (lower.contains("email")) {
            return "fz-" + serial + "-" + alphanumeric(4) + "@example.com";
        }
        if (lower.contains("password")) {
            return "a-long-password-" + alphanumeric(6);
        }
        if ("date-time".equals(schema.get("format")) || lower.endsWith("at")) {
            return java.time.Instant.now().plusSeconds(random.nextInt(1_000_000) - 500_000).toString();
        }
        return pick(List.of("Fuzz " + serial, "x", "a reason", "features:read", "evaluate", "EDITOR", "VIEWER"));
    }

    private static String type(Object type) {
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !t.equals("null")).findFirst().orElse("null");
        }
        return type == null ? "" : String.valueOf(type);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String alphanumeric(int length) {
        var chars = new StringBuilder();
        for (int i = 0; i < length; i++) {
            chars.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return chars.toString();
    }

    /** Percent-encodes a path segment or query value, lone surrogates included (as their UTF-8-like bytes). */
    private static String encode(String value) {
        var out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1)))) {
                out.append("%ED%A0%80");
            } else {
                out.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out.toString();
    }

    /** JSON text for a generated value; every non-ASCII character escaped, so lone surrogates go out as written. */
    static String write(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof RawNumber raw) {
            return raw.text();
        }
        if (value instanceof String s) {
            var out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            var parts = new ArrayList<String>();
            map.forEach((k, v) -> parts.add(write(String.valueOf(k)) + ":" + write(v)));
            return "{" + String.join(",", parts) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(FuzzRequests::write).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
