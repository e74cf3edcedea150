package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ImmutableContext;
import io.flagtrail.testsupport.Poll;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A feature's state per environment over HTTP, on H2 and PostgreSQL: two projects (one with three environments),
 * the same key in each, on in development and off in production; each environment's version, ETag and If-Match its
 * own; a rename seen everywhere; production's history only production's changes; as-of per environment exact; the
 * compatibility routes being the default project's production; the OpenFeature SDK answered from the environment
 * its API key is bound to, and such a key refused elsewhere; unknown projects and environments named in a 404; an
 * environment where a feature is on deleted only when forced.
 */
@SystemTest
class EnvironmentFeaturesSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    EnvironmentFeaturesSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void the_same_flag_is_on_in_development_and_off_in_production_and_each_environment_keeps_its_own_history() {
        String project = project();
        assertEquals(201, api.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"Web\"}")
                .status());
        assertEquals(201, api.send("POST", "/api/v1/projects/" + project + "/environments", admin,
                "{\"key\":\"staging\",\"name\":\"Staging\",\"type\":\"staging\",\"sortOrder\":50}").status());
        String key = "checkout-" + UUID.randomUUID().toString().substring(0, 6);
        String development = features(project, "development");
        String production = features(project, "production");

        var created = api.send("POST", development, admin, "{\"key\":\"" + key + "\",\"name\":\"Checkout\",\"enabled\":true}");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(development + "/" + key, created.header("Location"));
        assertEquals("development", created.json().get("environment"));
        assertEquals(201, api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Other\"}")
                .status(), "keys are unique per project: the default project may have the same one");

        assertEquals(true, api.send("GET", development + "/" + key, admin, null).json().get("enabled"));
        assertEquals(false, api.send("GET", production + "/" + key, admin, null).json().get("enabled"));
        assertEquals(false, api.send("GET", features(project, "staging") + "/" + key, admin, null).json().get("enabled"));
        assertEquals("Other", api.send("GET", "/api/v1/features/" + key, admin, null).json().get("name"));
        // the instant of the creation itself: as-of answers the last change at or before it, which is the creation
        Instant beforeRollout = Instant.parse((String) created.json().get("updatedAt"));

        var rolled = api.send("PATCH", development + "/" + key, admin, "{\"rolloutPercentage\":30}", "If-Match", "\"1\"");
        assertEquals(200, rolled.status(), rolled.raw().body());
        assertEquals("\"2\"", rolled.header("ETag"));
        var renamed = api.send("PATCH", production + "/" + key, admin, "{\"name\":\"Checkout v2\"}", "If-Match", "\"1\"");
        assertEquals(200, renamed.status(), "development's change left production's version as it was");
        assertEquals("Checkout v2", api.send("GET", development + "/" + key, admin, null).json().get("name"),
                "the definition is shared");
        assertEquals(100, ((Number) renamed.json().get("rolloutPercentage")).intValue());
        assertProblem(api.send("PATCH", development + "/" + key, admin, "{\"rolloutPercentage\":40}", "If-Match", "\"2\""),
                412, "version.stale");

        var productionHistory = api.send("GET", production + "/" + key + "/history", admin, null).items();
        assertEquals(List.of("FEATURE_UPDATED", "FEATURE_CREATED"),
                productionHistory.stream().map(e -> e.get("action")).toList());
        assertTrue(productionHistory.stream().allMatch(e -> "production".equals(((java.util.Map<?, ?>) e.get("after"))
                .get("environment"))));
        assertEquals(List.of("FEATURE_UPDATED", "FEATURE_UPDATED", "FEATURE_CREATED"),
                api.send("GET", development + "/" + key + "/history", admin, null).items().stream()
                        .map(e -> e.get("action")).toList());

        var then = api.send("GET", development + "/" + key + "?asOf=" + beforeRollout, admin, null);
        assertEquals(200, then.status(), then.raw().body());
        assertEquals(100, ((Number) then.json().get("rolloutPercentage")).intValue());
        assertEquals("Checkout", then.json().get("name"));
        assertEquals(30, ((Number) api.send("GET", development + "/" + key + "?asOf=" + Instant.now(), admin, null)
                .json().get("rolloutPercentage")).intValue());
        var everywhere = api.send("GET", "/api/v1/projects/" + project + "/features/" + key, admin, null);
        assertEquals(200, everywhere.status(), everywhere.raw().body());
        assertEquals("Checkout v2", everywhere.json().get("name"));
        @SuppressWarnings("unchecked")
        var states = (List<java.util.Map<String, Object>>) everywhere.json().get("environments");
        assertEquals(List.of("development", "staging", "production"), states.stream().map(s -> s.get("environment")).toList());
        assertEquals(List.of(true, false, false), states.stream().map(s -> s.get("enabled")).toList());
        assertEquals(List.of(3, 2, 2), states.stream().map(s -> ((Number) s.get("version")).intValue()).toList());
        assertProblem(api.send("GET", "/api/v1/projects/" + project + "/features/nope", admin, null), 404,
                "feature.not_found");
        var acrossAll = api.send("GET", "/api/v1/projects/" + project + "/features/" + key + "/history", admin, null);
        assertEquals(200, acrossAll.status(), acrossAll.raw().body());
        assertEquals(List.of("production", "staging", "development", "development", "production", "staging",
                        "development"), acrossAll.items().stream().map(e -> e.get("environment")).toList(),
                "every environment's entries newest first (the rename and the creation one per environment, "
                        + "each written in the environments' order and listed newest first)");
        var productionOnly = api.send("GET", "/api/v1/audit?project=" + project + "&environment=production"
                + "&category=CHANGE", admin, null);
        assertEquals(200, productionOnly.status(), productionOnly.raw().body());
        assertEquals(List.of("FEATURE_UPDATED", "FEATURE_CREATED", "ENVIRONMENT_CREATED"),
                productionOnly.items().stream().map(e -> e.get("action")).toList(), "every production change");
        assertProblem(api.send("GET", "/api/v1/audit?environment=production", admin, null), 400, "validation.failed");
        var listed = api.send("GET", development + "?q=" + key, admin, null).items();
        assertEquals(List.of(key), listed.stream().map(f -> f.get("key")).toList());

        var cloned = api.send("POST", "/api/v1/projects/" + project + "/environments", admin,
                "{\"key\":\"qa\",\"name\":\"QA\",\"type\":\"test\",\"cloneFrom\":\"development\"}");
        assertEquals(201, cloned.status(), cloned.raw().body());
        var inQa = api.send("GET", features(project, "qa") + "/" + key, admin, null).json();
        assertEquals(true, inQa.get("enabled"), "a clone of development");
        assertEquals(30, ((Number) inQa.get("rolloutPercentage")).intValue());
        assertEquals("environment 'qa' cloned from 'development'", api.send("GET", features(project, "qa") + "/" + key
                + "/history", admin, null).items().getFirst().get("reason"));
    }

    @Test
    void a_developer_with_editor_in_development_changes_it_there_and_gets_403_on_production() {
        String project = project();
        assertEquals(201, api.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"Web\"}")
                .status());
        String key = "search-" + UUID.randomUUID().toString().substring(0, 6);
        String development = features(project, "development");
        String production = features(project, "production");
        assertEquals(201, api.send("POST", development, admin, "{\"key\":\"" + key + "\",\"name\":\"S\"}").status());
        String email = "dev-" + UUID.randomUUID() + "@example.com";
        var created = api.send("POST", "/api/v1/users", admin, "{\"email\":\"" + email + "\",\"roles\":[\"VIEWER\"],"
                + "\"grants\":[\"EDITOR@" + project + "/development\"],\"password\":\"" + SystemClient.PASSWORD + "\"}");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(List.of("EDITOR@" + project + "/development"), created.json().get("grants"));
        String userPath = "/api/v1/users/" + created.json().get("id");
        String developer = api.login(email, SystemClient.PASSWORD);

        assertEquals(200, api.send("POST", development + "/" + key + "/enable", developer, null).status());
        assertEquals(200, api.send("PATCH", development + "/" + key, developer,
                "{\"rolloutPercentage\":20,\"name\":\"Search\"}").status(), "state here, and metadata");
        assertEquals(201, api.send("POST", development, developer, "{\"key\":\"" + key + "-2\",\"name\":\"T\"}").status(),
                "a new feature is off everywhere else");
        assertProblem(api.send("POST", production + "/" + key + "/enable", developer, null), 403, "auth.forbidden");
        assertProblem(api.send("PATCH", production + "/" + key, developer, "{\"rolloutPercentage\":50}"), 403,
                "auth.forbidden");
        assertProblem(api.send("PATCH", development + "/" + key, developer,
                "{\"variants\":{\"on\":true,\"off\":false}}"), 403, "auth.role_in_project");
        assertProblem(api.send("DELETE", development + "/" + key, developer, null, "X-Change-Reason", "gone"), 403,
                "auth.role_in_project");
        assertProblem(api.send("PUT", userPath + "/grants", developer, "{\"grants\":[]}"), 403, "auth.forbidden");
        assertEquals(false, api.send("GET", production + "/" + key, developer, null).json().get("enabled"),
                "VIEWER everywhere: production is read, not changed");
        assertEquals(true, api.send("GET", development + "/" + key, developer, null).json().get("enabled"));

        var regranted = api.send("PUT", userPath + "/grants", admin, "{\"grants\":[\"EDITOR@" + project + "\"]}");
        assertEquals(200, regranted.status(), regranted.raw().body());
        assertProblem(api.send("GET", development + "/" + key, developer, null), 401, "auth.session_ended");
        String throughout = api.login(email, SystemClient.PASSWORD);
        assertEquals(200, api.send("POST", production + "/" + key + "/enable", throughout, null).status(),
                "EDITOR in the whole project");
        assertEquals(200, api.send("DELETE", development + "/" + key, throughout, null, "X-Change-Reason", "gone")
                .status());
        var grantEntries = api.send("GET", "/api/v1/audit?action=ROLE_GRANTED&subjectId=" + created.json().get("id"),
                admin, null);
        assertEquals(200, grantEntries.status(), grantEntries.raw().body());
        assertEquals(1, grantEntries.items().size(), "one entry per grant added after creation");
        assertProblem(api.send("PUT", userPath + "/grants", admin, "{\"grants\":[\"ADMIN@" + project + "\"]}"), 400,
                "validation.failed");
        assertProblem(api.send("PUT", userPath + "/grants", admin, "{\"grants\":[\"EDITOR@" + project + "/nope\"]}"),
                404, "environment.not_found");
    }

    @Test
    void an_openfeature_sdk_with_a_development_key_sees_on_and_with_a_production_key_sees_off() throws Exception {
        String project = project();
        api.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"SDK\"}");
        String key = "banner-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(201, api.send("POST", features(project, "development"), admin,
                "{\"key\":\"" + key + "\",\"name\":\"Banner\",\"enabled\":true}").status());
        String developmentKey = key(project, "development", "evaluate", "features:read");
        String productionKey = key(project, "production", "evaluate");
        system.refreshSnapshot();

        var user = new ImmutableContext("user-1");
        var inDevelopment = client(developmentKey).getBooleanDetails(key, false, user);
        assertEquals(true, inDevelopment.getValue());
        assertEquals("STATIC", inDevelopment.getReason());
        var inProduction = client(productionKey).getBooleanDetails(key, true, user);
        assertEquals(false, inProduction.getValue());
        assertEquals("DISABLED", inProduction.getReason());
        assertEquals(ErrorCode.FLAG_NOT_FOUND, client(developmentKey).getBooleanDetails("no-" + key, true, user)
                .getErrorCode());

        var development = system.ofrep(developmentKey, "", "{\"context\":{\"targetingKey\":\"u\"}}", null);
        String etag = development.headers().firstValue("ETag").orElseThrow();
        api.send("POST", features(project, "production") + "/" + key + "/enable", admin, null);
        system.refreshSnapshot();
        assertEquals(304, system.ofrep(developmentKey, "", "{\"context\":{\"targetingKey\":\"u\"}}", etag)
                .statusCode(), "a change in production leaves development's ETag as it was");
        assertEquals(true, client(productionKey).getBooleanDetails(key, false, user).getValue());

        var refused = api.send("GET", features(project, "production") + "/" + key, null, null, "X-API-Key", developmentKey);
        assertProblem(refused, 403, "api_key.other_environment");
        assertEquals(200, api.send("GET", features(project, "development") + "/" + key, null, null, "X-API-Key",
                developmentKey).status());
        assertEquals(403, api.send("GET", "/api/v1/features", null, null, "X-API-Key", developmentKey).status(),
                "nor the compatibility routes, which are default/production");
        assertProblem(api.send("POST", "/api/v1/api-keys", admin, "{\"name\":\"qa\",\"scopes\":[\"evaluate\"],"
                + "\"project\":\"" + project + "\",\"environment\":\"qa\"}"), 404, "environment.not_found");
    }

    private String key(String project, String environment, String... scopes) {
        var created = api.send("POST", "/api/v1/api-keys", admin, "{\"name\":\"" + environment + "\",\"scopes\":"
                + java.util.Arrays.stream(scopes).map(s -> "\"" + s + "\"").toList() + ",\"project\":\"" + project
                + "\",\"environment\":\"" + environment + "\"}");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(environment, created.json().get("environment"));
        return (String) created.json().get("secret");
    }

    private Client client(String secret) {
        return system.openFeature(secret);
    }

    @Test
    void unknown_projects_and_environments_are_named_and_an_environment_with_a_feature_on_goes_only_when_forced()
            throws Exception {
        assertProblem(api.send("GET", features("nope", "production"), admin, null), 404, "project.not_found");
        var noEnvironment = api.send("GET", features("default", "qa") + "/anything", admin, null);
        assertProblem(noEnvironment, 404, "environment.not_found");
        assertTrue(String.valueOf(noEnvironment.json().get("detail")).contains("'qa'"));
        assertProblem(api.send("POST", features("default", "qa"), admin, "{\"key\":\"x\",\"name\":\"X\"}"), 404,
                "environment.not_found");
        assertProblem(api.send("GET", features("Not.A.Key", "production"), admin, null), 400, "validation.failed");

        String project = project();
        api.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"Temp\"}");
        api.send("POST", features(project, "development"), admin, "{\"key\":\"on-here\",\"name\":\"On\",\"enabled\":true}");
        String environment = "/api/v1/projects/" + project + "/environments/development";
        String boundKey = key(project, "development", "evaluate");
        var refused = api.send("DELETE", environment, admin, null, "X-Change-Reason", "not needed");
        assertProblem(refused, 409, "environment.has_enabled_features");
        assertTrue(String.valueOf(refused.json().get("detail")).contains("on-here"));
        assertEquals(204, api.send("DELETE", environment + "?force=true", admin, null, "X-Change-Reason", "not needed")
                .status());
        assertProblem(api.send("GET", features(project, "development") + "/on-here", admin, null), 404,
                "environment.not_found");
        assertEquals(200, api.send("GET", features(project, "production") + "/on-here", admin, null).status());
        Poll.until(java.time.Duration.ofSeconds(10), "the deleted environment's key to stop working",
                () -> ofrepStatus(boundKey), status -> status == 401);
    }

    private int ofrepStatus(String secret) {
        try {
            return system.ofrep(secret, "", "{\"context\":{}}", null).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String features(String project, String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment + "/features";
    }

    private static String project() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
