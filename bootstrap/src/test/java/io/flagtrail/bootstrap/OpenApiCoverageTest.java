package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document served at /openapi.yml against the server's real routes: every route of our controllers is
 * in it, and every operation has a summary, a stable operationId, a success answer, documented errors with their
 * problem schema, and a schema for its body. Swagger UI and ReDoc pages are served with their scripts.
 */
class OpenApiCoverageTest {

    private static final Set<String> WRITES = Set.of("post", "put", "patch");

    @Test
    void every_controller_route_is_documented_with_summary_schemas_and_errors() throws Exception {
        try (var server = ApplicationContext.run(EmbeddedServer.class,
                new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2())))) {
            var api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
            var served = api.send("GET", "/openapi.yml", null, null);
            assertEquals(200, served.status());
            Map<String, Object> document = new Yaml().load(served.raw().body());

            assertEquals(List.of(), problems(controllerRoutes(server.getApplicationContext().getBean(Router.class)), document));
            assertEquals("3.1.0", document.get("openapi"));
            for (var page : List.of("/docs", "/redoc", "/swagger-ui/res/swagger-ui-bundle.js", "/redoc/res/redoc.standalone.js",
                    "/swagger/flagtrail.yml")) {
                assertEquals(200, api.send("GET", page, null, null).status(), page);
            }
        }
    }

    @Test
    void the_check_fails_for_a_missing_route_and_an_undocumented_operation() {
        Map<String, Object> operation = new HashMap<>(Map.of("operationId", "list_2",
                "responses", Map.of("200", Map.of("description", "ok"))));
        Map<String, Object> document = Map.of("paths", Map.of("/api/v1/features", Map.of("get", operation)));

        var found = problems(Set.of("GET /api/v1/features", "POST /api/v1/features"), document);

        assertEquals(List.of(
                "POST /api/v1/features: not in the document",
                "GET /api/v1/features: no summary",
                "GET /api/v1/features: operationId 'list_2' is generated, not chosen",
                "GET /api/v1/features: no documented 4xx error"), found);
    }

    /** "METHOD /path" of every route whose controller is ours and not hidden from the document. */
    private static Set<String> controllerRoutes(Router router) {
        return router.uriRoutes()
                .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("io.flagtrail."))
                .filter(r -> !r.getTargetMethod().getDeclaringType().isAnnotationPresent(Hidden.class))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString()
                        .replaceAll("\\{\\?[^}]*}", "").replaceAll("/$", "").replaceAll("\\{([a-zA-Z]+)[^}]*}", "{$1}"))
                .filter(r -> !r.startsWith("HEAD ") && !r.startsWith("OPTIONS "))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Set<String> routes, Map<String, Object> document) {
        var problems = new ArrayList<String>();
        var paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (var route : routes) {
            String[] parts = route.split(" ", 2);
            var operations = paths.get(parts[1]);
            if (operations == null || !operations.containsKey(parts[0].toLowerCase())) {
                problems.add(route + ": not in the document");
            }
        }
        var operationIds = new HashSet<String>();
        for (var path : paths.entrySet()) {
            for (var entry : path.getValue().entrySet()) {
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                var operation = (Map<String, Object>) entry.getValue();
                var summary = (String) operation.get("summary");
                var id = (String) operation.get("operationId");
                if (summary == null || summary.isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (id == null || id.matches(".*_\\d+$")) {
                    problems.add(where + ": operationId '" + id + "' is generated, not chosen");
                } else if (!operationIds.add(id)) {
                    problems.add(where + ": operationId '" + id + "' is used twice");
                }
                var responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    problems.add(where + ": no success answer");
                }
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("4"))) {
                    problems.add(where + ": no documented 4xx error");
                }
                responses.forEach((code, response) -> {
                    if ((code.startsWith("4") || code.startsWith("5")) && !hasSchema(response)) {
                        problems.add(where + ": error " + code + " has no schema");
                    }
                });
                var body = (Map<String, Object>) operation.get("requestBody");
                if (WRITES.contains(entry.getKey()) && body != null && !hasSchema(body)) {
                    problems.add(where + ": request body has no schema");
                }
            }
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static boolean hasSchema(Map<String, Object> part) {
        var content = (Map<String, Map<String, Object>>) part.get("content");
        return content != null && !content.isEmpty() && content.values().stream().allMatch(c -> c.get("schema") != null);
    }
}
