package io.flagtrail.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Holds answers against the served OpenAPI document: the operation (method and path template), the status, the
 * content type and, for JSON, the body against the schema, with the parts of JSON Schema 2020-12 the document uses
 * ({@code type}, {@code properties}, {@code required}, {@code items}, {@code additionalProperties}, {@code enum},
 * {@code $ref}, {@code allOf}, {@code anyOf}, {@code oneOf}). Answers for paths the document does not describe
 * (health, metrics, static pages) are not its business.
 */
final class OpenApiContract {

    /** One answer as a client saw it. */
    record Answer(String method, String path, int status, String contentType, Object body) {
    }

    private final Map<String, Object> document;
    private final Map<String, Object> schemas;

    @SuppressWarnings("unchecked")
    OpenApiContract(String yaml) {
        var options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        this.document = new Yaml(options).load(yaml);
        this.schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
    }

    /** The document as parsed. */
    Map<String, Object> document() {
        return document;
    }

    /** Everything in {@code answers} that disagrees with the document, one line each (empty when all agree). */
    Set<String> violations(List<Answer> answers) {
        var found = new TreeSet<String>();
        for (var answer : answers) {
            found.addAll(check(answer));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    List<String> check(Answer answer) {
        var template = template(answer.path());
        if (template == null) {
            return List.of();
        }
        var where = answer.method() + " " + template + " " + answer.status();
        var operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document.get("paths"))
                .get(template)).get(answer.method().toLowerCase(Locale.ROOT));
        if (operation == null) {
            return List.of(answer.method() + " " + template + ": no such operation");
        }
        var responses = (Map<String, Object>) operation.get("responses");
        var response = (Map<String, Object>) responses.getOrDefault(String.valueOf(answer.status()), responses.get("default"));
        if (response == null) {
            return List.of(where + ": status not documented");
        }
        var content = (Map<String, Object>) response.get("content");
        String type = answer.contentType() == null ? null : answer.contentType().split(";")[0].strip();
        if (content == null || content.isEmpty()) {
            return type == null || answer.body() == null ? List.of() : List.of(where + ": documented without a body, sent " + type);
        }
        if (type == null) {
            return answer.status() == 304 ? List.of() : List.of(where + ": documented with a body, sent none");
        }
        var media = (Map<String, Object>) content.get(type);
        if (media == null) {
            return List.of(where + ": content type " + type + " not documented (documented: " + content.keySet() + ")");
        }
        if (!(type.equals("application/json") || type.equals("application/problem+json")) || media.get("schema") == null) {
            return List.of();
        }
        var problems = new ArrayList<String>();
        validate(answer.body(), (Map<String, Object>) media.get("schema"), where + " body", problems);
        return problems;
    }

    /** The document's path template the concrete path matches, or null. */
    @SuppressWarnings("unchecked")
    private String template(String path) {
        String bare = path.replaceAll("\\?.*", "");
        for (var template : ((Map<String, Object>) document.get("paths")).keySet()) {
            var regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (bare.matches(regex)) {
                return template;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void validate(Object value, Map<String, Object> schema, String where, List<String> problems) {
        if (schema.get("$ref") instanceof String ref) {
            validate(value, (Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), where, problems);
            return;
        }
        if (schema.get("allOf") instanceof List<?> all) {
            all.forEach(part -> validate(value, (Map<String, Object>) part, where, problems));
        }
        for (var key : List.of("anyOf", "oneOf")) {
            if (schema.get(key) instanceof List<?> alternatives && alternatives.stream().noneMatch(alternative -> {
                var attempt = new ArrayList<String>();
                validate(value, (Map<String, Object>) alternative, where, attempt);
                return attempt.isEmpty();
            })) {
                problems.add(where + ": matches none of " + key);
            }
        }
        if (schema.containsKey("type") && !typeMatches(value, schema.get("type"))) {
            problems.add(where + ": " + kind(value) + " where the document says " + schema.get("type"));
            return;
        }
        if (schema.get("enum") instanceof List<?> allowed && value != null && !allowed.contains(value)) {
            problems.add(where + ": " + value + " is not one of " + allowed);
        }
        if (value instanceof Map<?, ?> object) {
            var properties = schema.get("properties") instanceof Map<?, ?> p ? (Map<String, Object>) p : Map.<String, Object>of();
            if (schema.get("required") instanceof List<?> required) {
                required.stream().filter(name -> !object.containsKey(name))
                        .forEach(name -> problems.add(where + ": required " + name + " missing"));
            }
            object.forEach((name, member) -> {
                var property = properties.get(String.valueOf(name));
                if (property instanceof Map<?, ?> known) {
                    validate(member, (Map<String, Object>) known, where + "." + name, problems);
                } else if (schema.get("additionalProperties") instanceof Map<?, ?> extra) {
                    validate(member, (Map<String, Object>) extra, where + "." + name, problems);
                } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                    problems.add(where + ": " + name + " is not in the document");
                }
            });
        }
        if (value instanceof List<?> list && schema.get("items") instanceof Map<?, ?> items) {
            for (int i = 0; i < list.size(); i++) {
                validate(list.get(i), (Map<String, Object>) items, where + "[" + i + "]", problems);
            }
        }
    }

    private static boolean typeMatches(Object value, Object type) {
        if (type instanceof List<?> types) {
            return types.stream().anyMatch(t -> typeMatches(value, t));
        }
        return switch (String.valueOf(type)) {
            case "null" -> value == null;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer" -> value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger;
            case "number" -> value instanceof Number;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> true;
        };
    }

    private static String kind(Object value) {
        return value == null ? "null" : value instanceof Map<?, ?> ? "an object" : value instanceof List<?> ? "an array"
                : value.getClass().getSimpleName();
    }
}
