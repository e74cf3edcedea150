package io.flagtrail.adapter.web.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document as served: the one micronaut-openapi generates at compile time, with what its OpenAPI 3.1
 * output gets wrong about nullable values set right, so that the document agrees with what the service answers
 * (a contract test holds every answer of the system tests against it):
 * <ul>
 *   <li>a nullable string, number or array comes out as {@code type: [string, "null", object]}: the stray
 *       {@code object} would admit any object, so it goes;</li>
 *   <li>a nullable map or object comes out as {@code type: "null"} alone, which admits only null: it becomes
 *       {@code [object, "null"]}, or, next to an {@code allOf} of one {@code $ref}, {@code anyOf: [$ref, null]};</li>
 *   <li>a nullable value of any JSON type ({@code Object}) comes out as {@code type: "null"}: the type goes;</li>
 *   <li>an operation anyone may call gets {@code security: []} ({@link AnonymousOperation}).</li>
 * </ul>
 */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static byte[] corrected(byte[] generated) {
        var options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        Object document = new Yaml(options).load(new String(generated, java.nio.charset.StandardCharsets.UTF_8));
        correct(document);
        var dump = new DumperOptions();
        dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dump.setWidth(120);
        return new Yaml(dump).dump(document).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void correct(Object node) {
        if (node instanceof Map<?, ?> map) {
            nullable((Map<String, Object>) map);
            anonymous((Map<String, Object>) map);
            map.values().forEach(OpenApiDocument::correct);
        } else if (node instanceof List<?> list) {
            list.forEach(OpenApiDocument::correct);
        }
    }

    /** An operation marked {@link AnonymousOperation} needs no credentials: {@code security: []}. */
    private static void anonymous(Map<String, Object> operation) {
        if (operation.remove("x-flagtrail-anonymous") != null) {
            operation.put("security", List.of());
        }
    }

    private static void nullable(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types && types.contains("null") && types.contains("object") && types.size() > 2) {
            var kept = new ArrayList<Object>(types);
            kept.remove("object");
            schema.put("type", kept);
        } else if ("null".equals(type) && schema.containsKey("additionalProperties")) {
            schema.put("type", List.of("object", "null"));
        } else if ("null".equals(type) && schema.get("allOf") instanceof List<?> all && all.size() == 1) {
            schema.remove("type");
            schema.remove("allOf");
            var nothing = new LinkedHashMap<String, Object>();
            nothing.put("type", "null");
            schema.put("anyOf", List.of(all.getFirst(), nothing));
        } else if ("null".equals(type) && !schema.containsKey("properties") && !schema.containsKey("items")) {
            schema.remove("type");
        }
    }
}
