package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** OFREP over HTTP with an API key of scope evaluate: plain flags, rollout, not found, bulk with ETag, freshness. */
@SystemTest
class OfrepSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    OfrepSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void flags_evaluate_with_their_reason_and_unknown_ones_are_flag_not_found() throws Exception {
        String secret = (String) system.createKey("sdk", List.of("evaluate")).json().get("secret");
        var flags = system.onOffAndHalf();
        String on = flags.on();
        String off = flags.off();
        String half = flags.half();

        var static_ = system.ofrep(secret, "/" + on, "{\"context\":{\"targetingKey\":\"user-1\"}}", null);
        var disabled = system.ofrep(secret, "/" + off, "{\"context\":{}}", null);
        var split = system.ofrep(secret, "/" + half, "{\"context\":{\"targetingKey\":\"user-1\"}}", null);
        var keyless = system.ofrep(secret, "/" + half, "{\"context\":{}}", null);
        var missing = system.ofrep(secret, "/no-such-flag", "{\"context\":{}}", null);

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
    void the_bulk_answer_carries_an_etag_and_changes_with_the_flags() throws Exception {
        String secret = (String) system.createKey("sdk-bulk", List.of("evaluate")).json().get("secret");
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Bulk\"}");
        system.refreshSnapshot();

        var first = system.ofrep(secret, "", "{\"context\":{\"targetingKey\":\"u\"}}", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, system.ofrep(secret, "", "{\"context\":{}}", etag).statusCode());

        api.send("POST", "/api/v1/features/" + key + "/enable", admin, null);
        system.refreshSnapshot();

        var body = system.ofrep(secret, "/" + key, "{\"context\":{}}", null).body();
        assertTrue(body.contains("\"value\":true"), "the change is served once the snapshot has reloaded: " + body);
        assertEquals(200, system.ofrep(secret, "", "{\"context\":{}}", etag).statusCode(), "the ETag changed with the flags");
    }

    @Test
    void a_body_that_is_not_json_is_a_parse_error_in_ofrep_shape() throws Exception {
        String secret = (String) system.createKey("sdk-parse", List.of("evaluate")).json().get("secret");

        var single = system.ofrep(secret, "/any-flag", "{\"context\": {", null);
        var bulk = system.ofrep(secret, "", "not json", null);

        assertEquals(400, single.statusCode());
        assertTrue(single.body().contains("\"errorCode\":\"PARSE_ERROR\""), single.body());
        assertEquals(400, bulk.statusCode());
        assertTrue(bulk.body().contains("\"errorCode\":\"PARSE_ERROR\""), bulk.body());
    }

    @Test
    void targeting_is_changed_through_the_api_audited_as_a_diff_and_served_by_ofrep() throws Exception {
        String secret = (String) system.createKey("sdk-targeting", List.of("evaluate")).json().get("secret");
        String key = system.colours();
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

        system.refreshSnapshot();
        var pro = system.ofrep(secret, "/" + key, "{\"context\":{\"targetingKey\":\"u\",\"plan\":\"pro\"}}", null);
        var french = system.ofrep(secret, "/" + key, "{\"context\":{\"targetingKey\":\"u\",\"country\":\"FR\"}}", null);
        assertTrue(pro.body().contains("\"variant\":\"red\"") && pro.body().contains("\"reason\":\"TARGETING_MATCH\"")
                && pro.body().contains("\"value\":{\"hex\":\"#f00\"}"), pro.body());
        assertTrue(french.body().contains("\"variant\":\"blue\"") && french.body().contains("\"reason\":\"STATIC\""),
                french.body());
    }

}
