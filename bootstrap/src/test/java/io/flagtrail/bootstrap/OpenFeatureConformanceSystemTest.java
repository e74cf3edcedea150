package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drives the service with the real OpenFeature Java SDK and its OFREP provider, exactly as a calling application
 * would: if the wire shape drifts from what the provider parses, these fail. Boolean, string, number and object
 * flags, targeting matches, rollout and not-found.
 */
@SystemTest
class OpenFeatureConformanceSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    OpenFeatureConformanceSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void the_openfeature_sdk_reads_flags_rollout_and_not_found_through_ofrep() {
        String secret = (String) system.createKey("openfeature-sdk", List.of("evaluate")).json().get("secret");
        var flags = system.onOffAndHalf();
        String on = flags.on();
        String off = flags.off();
        String half = flags.half();

        Client client = client(secret);
        var user = new ImmutableContext("user-1");

        var enabled = client.getBooleanDetails(on, false, user);
        assertEquals(true, enabled.getValue());
        assertEquals("STATIC", enabled.getReason());
        assertNull(enabled.getErrorCode());

        var disabled = client.getBooleanDetails(off, true, user);
        assertEquals(false, disabled.getValue());
        assertEquals("DISABLED", disabled.getReason());

        var served = new HashSet<Boolean>();
        for (int i = 0; i < 60; i++) {
            var someone = new ImmutableContext("user-" + i);
            var split = client.getBooleanDetails(half, false, someone);
            assertEquals("SPLIT", split.getReason());
            assertEquals(split.getValue(), client.getBooleanDetails(half, false, someone).getValue(), "sticky bucket");
            served.add(split.getValue());
        }
        assertEquals(2, served.size(), "a 50 % rollout serves both values over 60 users");

        var missing = client.getBooleanDetails("no-such-flag", true, user);
        assertEquals(true, missing.getValue(), "the caller's default is served");
        assertEquals(ErrorCode.FLAG_NOT_FOUND, missing.getErrorCode());

        // The server answers 400 TARGETING_KEY_MISSING (OfrepSystemTest reads the body); provider 0.0.1 reports
        // every 400 as INVALID_CONTEXT, so that is what an application sees.
        var noTargetingKey = client.getBooleanDetails(half, true, new ImmutableContext());
        assertEquals(true, noTargetingKey.getValue());
        assertEquals(ErrorCode.INVALID_CONTEXT, noTargetingKey.getErrorCode());
    }

    @Test
    void the_openfeature_sdk_reads_string_number_and_object_variants_chosen_by_targeting() {
        String secret = (String) system.createKey("openfeature-variants", List.of("evaluate")).json().get("secret");
        String greeting = uniqueKey();
        String limit = uniqueKey();
        create("{\"key\":\"" + greeting + "\",\"name\":\"Greeting\",\"enabled\":true,\"variants\":{\"formal\":"
                + "\"Good day\",\"casual\":\"Hi\"},\"defaultVariant\":\"formal\",\"offVariant\":\"formal\",\"rules\":"
                + "[{\"attribute\":\"appVersion\",\"operator\":\"semver_greater_than\",\"values\":[\"2.0.0\"],"
                + "\"variant\":\"casual\"}]}");
        create("{\"key\":\"" + limit + "\",\"name\":\"Limit\",\"enabled\":true,\"variants\":{\"low\":10,"
                + "\"high\":100},\"defaultVariant\":\"low\",\"offVariant\":\"low\",\"rules\":[{\"attribute\":\"plan\","
                + "\"operator\":\"in\",\"values\":[\"pro\",\"enterprise\"],\"variant\":\"high\"}]}");
        String colours = system.colours();
        system.refreshSnapshot();
        Client client = client(secret);

        var newApp = client.getStringDetails(greeting, "?", new ImmutableContext("u", Map.of("appVersion", new Value("2.1.0"))));
        var oldApp = client.getStringDetails(greeting, "?", new ImmutableContext("u", Map.of("appVersion", new Value("1.9.3"))));
        var pro = client.getIntegerDetails(limit, 0, new ImmutableContext("u", Map.of("plan", new Value("pro"))));
        var free = client.getIntegerDetails(limit, 0, new ImmutableContext("u", Map.of("plan", new Value("free"))));
        var french = client.getObjectDetails(colours, new Value(), new ImmutableContext("u", Map.of("country", new Value("FR"))));

        assertEquals("Hi", newApp.getValue());
        assertEquals("casual", newApp.getVariant());
        assertEquals("TARGETING_MATCH", newApp.getReason());
        assertEquals("Good day", oldApp.getValue());
        assertEquals("STATIC", oldApp.getReason());
        assertEquals(100, pro.getValue());
        assertEquals(10, free.getValue());
        assertNull(pro.getErrorCode());
        assertEquals("#f00", french.getValue().asStructure().getValue("hex").asString());
        assertEquals("red", french.getVariant());

        var wrongType = client.getBooleanDetails(greeting, true, new ImmutableContext("u"));
        assertEquals(true, wrongType.getValue(), "a string flag read as boolean gives the caller's default");
        assertEquals(ErrorCode.TYPE_MISMATCH, wrongType.getErrorCode());
    }

    private void create(String body) {
        var created = api.send("POST", "/api/v1/features", admin, body);
        assertEquals(201, created.status(), created.raw().body());
    }

    @Test
    void a_key_that_may_not_evaluate_gets_the_default_with_an_error() {
        String secret = (String) system.createKey("no-evaluate", List.of("audit:read")).json().get("secret");
        String on = system.onOffAndHalf().on();

        var denied = client(secret).getBooleanDetails(on, false, new ImmutableContext("user-1"));

        assertEquals(false, denied.getValue());
        assertTrue(denied.getErrorCode() != null, "an error code is reported: " + denied);
    }

    private Client client(String secret) {
        return system.openFeature(secret);
    }
}
