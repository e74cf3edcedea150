package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OFREP over HTTP with an API key of scope evaluate: plain flags, rollout, not found, bulk with ETag, freshness. */
abstract class OfrepSystemTest extends ApiKeySystemTest {

    @Inject EvaluateFlagsUseCase snapshot;

    @Test
    void flags_evaluate_with_their_reason_and_unknown_ones_are_flag_not_found() throws Exception {
        String secret = (String) createKey("sdk", List.of("evaluate")).json().get("secret");
        var flags = onOffAndHalf();
        String on = flags.on();
        String off = flags.off();
        String half = flags.half();

        var static_ = ofrep(secret, "/" + on, "{\"context\":{\"targetingKey\":\"user-1\"}}", null);
        var disabled = ofrep(secret, "/" + off, "{\"context\":{}}", null);
        var split = ofrep(secret, "/" + half, "{\"context\":{\"targetingKey\":\"user-1\"}}", null);
        var keyless = ofrep(secret, "/" + half, "{\"context\":{}}", null);
        var missing = ofrep(secret, "/no-such-flag", "{\"context\":{}}", null);

        assertEquals(200, static_.statusCode());
        assertTrue(static_.body().contains("\"value\":true") && static_.body().contains("\"reason\":\"STATIC\""), static_.body());
        assertTrue(disabled.body().contains("\"value\":false") && disabled.body().contains("\"reason\":\"DISABLED\""));
        assertTrue(split.body().contains("\"reason\":\"SPLIT\""), split.body());
        assertEquals(400, keyless.statusCode());
        assertTrue(keyless.body().contains("TARGETING_KEY_MISSING"), keyless.body());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("FLAG_NOT_FOUND"), missing.body());
    }

    @Test
    void the_bulk_answer_carries_an_etag_and_a_change_is_served_within_a_second() throws Exception {
        String secret = (String) createKey("sdk-bulk", List.of("evaluate")).json().get("secret");
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Bulk\"}");
        snapshot.refresh();

        var first = ofrep(secret, "", "{\"context\":{\"targetingKey\":\"u\"}}", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, ofrep(secret, "", "{\"context\":{}}", etag).statusCode());

        api.send("POST", "/api/v1/features/" + key + "/enable", admin, null);
        var deadline = Instant.now().plus(Duration.ofSeconds(1));
        String body = "";
        while (Instant.now().isBefore(deadline) && !body.contains("\"key\":\"" + key + "\",\"value\":true")) {
            body = ofrep(secret, "/" + key, "{\"context\":{}}", null).body();
            Thread.sleep(20);
        }
        assertTrue(body.contains("\"value\":true"), "the change was served within a second: " + body);
        assertEquals(200, ofrep(secret, "", "{\"context\":{}}", etag).statusCode(), "the ETag changed with the flags");
    }

    @Test
    void a_body_that_is_not_json_is_a_parse_error_in_ofrep_shape() throws Exception {
        String secret = (String) createKey("sdk-parse", List.of("evaluate")).json().get("secret");

        var single = ofrep(secret, "/any-flag", "{\"context\": {", null);
        var bulk = ofrep(secret, "", "not json", null);

        assertEquals(400, single.statusCode());
        assertTrue(single.body().contains("\"errorCode\":\"PARSE_ERROR\""), single.body());
        assertEquals(400, bulk.statusCode());
        assertTrue(bulk.body().contains("\"errorCode\":\"PARSE_ERROR\""), bulk.body());
    }

    @Test
    void targeting_is_changed_through_the_api_audited_as_a_diff_and_served_by_ofrep() throws Exception {
        String secret = (String) createKey("sdk-targeting", List.of("evaluate")).json().get("secret");
        String key = colours();
        String path = "/api/v1/features/" + key;

        var badRule = api.send("PATCH", path, admin, "{\"rules\":[{\"attribute\":\"plan\",\"operator\":\"like\","
                + "\"values\":[\"pro\"],\"variant\":\"red\"},{\"attribute\":\"plan\",\"operator\":\"in\","
                + "\"values\":\"x\",\"variant\":\"red\"}]}");
        assertProblem(badRule, 400, "validation.failed");
        assertEquals(List.of("rules[0].operator", "rules[1].values"), ((List<?>) badRule.json().get("errors")).stream()
                .map(e -> ((java.util.Map<?, ?>) e).get("field")).toList());

        var patched = api.send("PATCH", path, admin, "{\"rules\":[{\"attribute\":\"plan\",\"operator\":\"equals\","
                + "\"values\":[\"pro\"],\"variant\":\"red\"}]}", "If-Match", "\"1\"", "X-Change-Reason", "pros see red");
        assertEquals(200, patched.status(), patched.raw().body());
        assertEquals(2, ((Number) patched.json().get("version")).intValue());

        var entry = api.send("GET", path + "/history", admin, null).items().getFirst();
        assertEquals("pros see red", entry.get("reason"));
        assertEquals(List.of("rules"), ((List<?>) entry.get("changes")).stream()
                .map(c -> ((java.util.Map<?, ?>) c).get("field")).toList());
        assertEquals(List.of(java.util.Map.of("attribute", "plan", "operator", "equals", "values", List.of("pro"),
                "variant", "red")), map(entry, "after").get("rules"));
        assertEquals(List.of(java.util.Map.of("attribute", "country", "operator", "in", "values", List.of("FR"),
                "variant", "red")), map(entry, "before").get("rules"));

        snapshot.refresh();
        var pro = ofrep(secret, "/" + key, "{\"context\":{\"targetingKey\":\"u\",\"plan\":\"pro\"}}", null);
        var french = ofrep(secret, "/" + key, "{\"context\":{\"targetingKey\":\"u\",\"country\":\"FR\"}}", null);
        assertTrue(pro.body().contains("\"variant\":\"red\"") && pro.body().contains("\"reason\":\"TARGETING_MATCH\"")
                && pro.body().contains("\"value\":{\"hex\":\"#f00\"}"), pro.body());
        assertTrue(french.body().contains("\"variant\":\"blue\"") && french.body().contains("\"reason\":\"STATIC\""),
                french.body());
    }

    /**
     * A new enabled feature serving objects: {@code blue} by default, {@code red} when off and to callers from FR;
     * not yet in the evaluation snapshot.
     */
    String colours() {
        String key = uniqueKey();
        var created = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Colours\","
                + "\"enabled\":true,\"variants\":{\"blue\":{\"hex\":\"#00f\"},\"red\":{\"hex\":\"#f00\"}},"
                + "\"defaultVariant\":\"blue\",\"offVariant\":\"red\",\"rules\":[{\"attribute\":\"country\","
                + "\"operator\":\"in\",\"values\":[\"FR\"],\"variant\":\"red\"}]}");
        assertEquals(201, created.status(), created.raw().body());
        return key;
    }

    /** Three new features (enabled, disabled, enabled at a 50 % rollout), already in the evaluation snapshot. */
    record Flags(String on, String off, String half) {
    }

    Flags onOffAndHalf() {
        var flags = new Flags(uniqueKey(), uniqueKey(), uniqueKey());
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.on() + "\",\"name\":\"On\",\"enabled\":true}");
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.off() + "\",\"name\":\"Off\"}");
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.half() + "\",\"name\":\"Half\","
                + "\"enabled\":true,\"rolloutPercentage\":50}");
        snapshot.refresh();
        return flags;
    }

    HttpResponse<String> ofrep(String secret, String path, String body, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.getURI() + "/ofrep/v1/evaluate/flags" + path))
                .header("X-API-Key", secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
