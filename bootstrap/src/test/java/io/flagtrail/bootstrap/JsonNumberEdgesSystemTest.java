package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A number variant at every edge a JSON number has (beyond 64 bits, exponents, -0, the largest and smallest
 * doubles) is stored, served, evaluated, audited and verified as the same double on every path; a number that a
 * double would change is refused at the door; and every other flag keeps evaluating throughout.
 */
@SystemTest
class JsonNumberEdgesSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;
    private final io.flagtrail.application.port.in.EvaluateFlagsUseCase snapshot;
    private final io.micronaut.json.JsonMapper json;

    JsonNumberEdgesSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
        this.snapshot = system.bean(io.flagtrail.application.port.in.EvaluateFlagsUseCase.class);
        this.json = system.bean(io.micronaut.json.JsonMapper.class);
    }

    /** Variant name → the JSON text sent; each must come back as the double that text names. */
    static final Map<String, String> EDGES = edges();


    private static Map<String, String> edges() {
        var edges = new LinkedHashMap<String, String>();
        edges.put("big", "1.5e19");                          // the number that took evaluation down
        edges.put("two64", "18446744073709551616");          // an integer beyond 64 bits, exactly a double
        edges.put("negative", "-1.2005641126851663E20");     // what jqwik found
        edges.put("largest", "1.7976931348623157e308");
        edges.put("most-negative", "-1.7976931348623157E+308");
        edges.put("smallest", "5e-324");
        edges.put("smallest-java", "4.9E-324");              // how Java writes the same double
        edges.put("minus-zero", "-0");
        edges.put("safe", "9007199254740992");
        edges.put("tenth", "0.1");
        edges.put("exponent", "1E+300");
        return edges;
    }

    @Test
    void a_variant_at_every_edge_of_json_numbers_is_served_as_written_and_every_flag_keeps_evaluating() throws Exception {
        String secret = (String) system.createKey("sdk-numbers", List.of("evaluate")).json().get("secret");
        String key = uniqueKey();
        var variants = new StringBuilder();
        var rules = new StringBuilder();
        EDGES.forEach((name, text) -> {
            variants.append(variants.isEmpty() ? "" : ",").append('"').append(name).append("\":").append(text);
            rules.append(rules.isEmpty() ? "" : ",").append("{\"attribute\":\"pick\",\"operator\":\"equals\",\"values\":[\"")
                    .append(name).append("\"],\"variant\":\"").append(name).append("\"}");
        });
        var created = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Edges\","
                + "\"enabled\":true,\"variants\":{" + variants + "},\"defaultVariant\":\"big\",\"offVariant\":\"smallest\","
                + "\"rules\":[" + rules + "]}");
        assertEquals(201, created.status(), created.raw().body());
        String after = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + after + "\",\"name\":\"After\",\"enabled\":true}");

        for (var read : List.of(created.json(), api.send("GET", "/api/v1/features/" + key, admin, null).json(),
                item(api.send("GET", "/api/v1/features?limit=500", admin, null).items(), key))) {
            assertVariants(map(read, "variants"));
        }
        assertEquals(200, api.send("PATCH", "/api/v1/features/" + key, admin, "{\"description\":\"edges\"}").status());
        var history = api.send("GET", "/api/v1/features/" + key + "/history", admin, null);
        assertEquals(200, history.status(), history.raw().body());
        assertVariants(map(map(history.items().getFirst(), "after"), "variants"));
        var asOf = api.send("GET", "/api/v1/features/" + key + "?asOf=" + Instant.now(), admin, null);
        assertEquals(200, asOf.status(), asOf.raw().body());
        assertVariants(map(asOf.json(), "variants"));

        system.refreshSnapshot();
        for (var edge : EDGES.entrySet()) {
            var answer = system.ofrep(secret, "/" + key, "{\"context\":{\"targetingKey\":\"u\",\"pick\":\"" + edge.getKey() + "\"}}", null);
            assertEquals(200, answer.statusCode(), answer.body());
            var value = (Number) json.readValue(answer.body(), Map.class).get("value");
            assertEquals(Double.parseDouble(edge.getValue()), value.doubleValue(), 0.0, edge.getKey() + ": " + answer.body());
        }
        var bulk = system.ofrep(secret, "", "{\"context\":{\"targetingKey\":\"u\"}}", null).body();
        assertTrue(bulk.contains("\"key\":\"" + key + "\"") && bulk.contains("\"key\":\"" + after + "\""), bulk);

        system.awaitSealed();
        var report = api.send("POST", "/api/v1/audit/verify", admin, "{}");
        assertEquals(Boolean.TRUE, report.json().get("verified"), report.raw().body());
        var bundle = Files.createTempFile("evidence", ".zip");
        Files.write(bundle, api.download("/api/v1/audit/evidence", admin));
        var err = new ByteArrayOutputStream();
        assertEquals(0, Offline.verify(new String[]{"verify-bundle", bundle.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void a_number_that_a_double_would_change_is_refused_at_the_door_naming_the_variant() {
        for (String text : List.of("12345678901234567891", "9007199254740993")) {
            var refused = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"N\","
                    + "\"variants\":{\"a\":" + text + ",\"b\":1},\"defaultVariant\":\"a\",\"offVariant\":\"b\"}");
            assertProblem(refused, 400, "validation.failed");
            assertTrue(refused.raw().body().contains("variants.a"), text + ": " + refused.raw().body());
        }
        for (String text : List.of("1e400", "-1e400")) { // no JSON number Flagtrail reads: refused as the body is read
            var refused = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"N\","
                    + "\"variants\":{\"a\":" + text + ",\"b\":1},\"defaultVariant\":\"a\",\"offVariant\":\"b\"}");
            assertProblem(refused, 400, "request.malformed");
            assertTrue(refused.raw().body().contains("number " + text + " out of range"), text + ": " + refused.raw().body());
        }
        var rule = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"N\","
                + "\"variants\":{\"a\":1,\"b\":2},\"defaultVariant\":\"a\",\"offVariant\":\"b\",\"rules\":[{\"attribute\":"
                + "\"n\",\"operator\":\"greater_than\",\"values\":[12345678901234567891],\"variant\":\"b\"}]}");
        assertProblem(rule, 400, "validation.failed");
        assertTrue(rule.raw().body().contains("rules[0].values[0]"), rule.raw().body());
    }

    @Test
    void a_row_that_cannot_be_read_is_left_out_and_shown_while_every_other_flag_evaluates() throws Exception {
        String secret = (String) system.createKey("sdk-unreadable", List.of("evaluate")).json().get("secret");
        String broken = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + broken + "\",\"name\":\"Broken\",\"enabled\":true}");
        try {
            setTargeting(broken, "{\"variants\":");  // what a broken writer or a hand edit leaves behind
            String later = uniqueKey();
            api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + later + "\",\"name\":\"Later\",\"enabled\":true}");
            system.refreshSnapshot();

            var served = system.ofrep(secret, "/" + later, "{\"context\":{}}", null);
            assertEquals(200, served.statusCode(), served.body());
            var missing = system.ofrep(secret, "/" + broken, "{\"context\":{}}", null);
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("cannot be loaded"), missing.body());
            var health = api.send("GET", "/health", admin, null);
            assertEquals("UP", health.json().get("status"), "every other flag is served: still ready");
            var evaluation = map(map(map(health.json(), "details"), "evaluation"), "details");
            assertTrue(map(evaluation, "unreadable").containsKey("default/production/" + broken), evaluation.toString());
            var gauge = api.send("GET", "/metrics/flagtrail.evaluation.unreadable", admin, null);
            assertTrue(gauge.raw().body().contains("\"value\":1"), gauge.raw().body());
        } finally {
            setTargeting(broken, null);
            api.send("POST", "/api/v1/features/" + broken + "/disable", admin, null);
            system.refreshSnapshot();
        }
        assertTrue(snapshot.unreadable().isEmpty(), "mended and reloaded: " + snapshot.unreadable());
    }

    private void setTargeting(String key, String targeting) throws java.sql.SQLException {
        try (var connection = java.sql.DriverManager.getConnection(system.database().url(), system.database().user(), system.database().password());
             var update = connection.prepareStatement("UPDATE feature_states SET targeting = ? WHERE environment_id = "
                     + "'00000000-0000-7000-8000-00000000e002' AND feature_id = (SELECT id FROM features WHERE "
                     + "feature_key = ? AND project_id = '00000000-0000-7000-8000-00000000d001')")) {
            update.setString(1, targeting);
            update.setString(2, key);
            assertEquals(1, update.executeUpdate());
        }
    }

    private static void assertVariants(Map<String, Object> variants) {
        EDGES.forEach((name, text) -> assertEquals(Double.parseDouble(text), ((Number) variants.get(name)).doubleValue(), 0.0,
                name + " in " + variants));
        assertEquals("0", String.valueOf(variants.get("minus-zero")), "-0 is 0");
    }

    private static Map<String, Object> item(List<Map<String, Object>> items, String key) {
        return items.stream().filter(i -> key.equals(i.get("key"))).findFirst().orElseThrow(() -> new AssertionError(key));
    }
}
