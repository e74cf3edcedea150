package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API keys over HTTP: shown once, scoped, in a header or as Bearer, never in the URL, revoked at once, audited. */
@SystemTest
class ApiKeySystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    ApiKeySystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void a_key_is_shown_once_and_works_within_its_scopes_in_either_header() throws Exception {
        var created = system.createKey("ci-reader", List.of("features:read"));
        assertEquals(201, created.status(), created.raw().body());
        String secret = (String) created.json().get("secret");
        assertTrue(secret.startsWith("ft_") && secret.length() >= 3 + 43, "at least 256 random bits: " + secret.length());
        var listed = api.send("GET", "/api/v1/api-keys", admin, null).items();
        assertTrue(listed.stream().allMatch(k -> k.get("secret") == null), "the secret is never shown again");
        assertTrue(listed.stream().noneMatch(k -> String.valueOf(k).contains(secret.substring(10))));

        assertEquals(200, withKeyHeader("GET", "/api/v1/features", secret, null).statusCode());
        assertEquals(200, api.send("GET", "/api/v1/features", secret, null).status(), "as Bearer too");
        assertEquals(403, withKeyHeader("POST", "/api/v1/features", secret, "{\"key\":\"nope\",\"name\":\"N\"}")
                .statusCode(), "features:read does not write");
        assertEquals(403, withKeyHeader("GET", "/api/v1/audit", secret, null).statusCode());
        assertEquals(401, withKeyHeader("GET", "/api/v1/features", secret + "x", null).statusCode());
    }

    @Test
    void a_change_made_with_a_key_is_recorded_with_actor_type_api_key() throws Exception {
        String secret = (String) system.createKey("deployer", List.of("features:write")).json().get("secret");
        String key = uniqueKey();

        var created = withKeyHeader("POST", "/api/v1/features", secret, "{\"key\":\"" + key + "\",\"name\":\"By key\"}");

        assertEquals(201, created.statusCode(), created.body());
        var history = api.send("GET", "/api/v1/features/" + key + "/history", admin, null).items();
        assertEquals("API_KEY", map(history.getFirst(), "actor").get("type"));
        assertEquals("deployer", map(history.getFirst(), "actor").get("displayName"));
    }

    @Test
    void a_key_in_the_query_string_is_refused_and_a_revoked_key_stops_at_once() throws Exception {
        var created = system.createKey("leaky", List.of("features:read", "audit:read"));
        String secret = (String) created.json().get("secret");
        var inUrl = api.send("GET", "/api/v1/features?api_key=" + secret, null, null);
        assertProblem(inUrl, 400, "auth.api_key_in_url");

        var revoked = api.send("POST", "/api/v1/api-keys/" + created.json().get("id") + "/revoke", admin, null);
        assertEquals(200, revoked.status(), revoked.raw().body());

        assertEquals(401, withKeyHeader("GET", "/api/v1/features", secret, null).statusCode());
        var trail = api.send("GET", "/api/v1/audit?subjectType=api-key&subjectId=" + created.json().get("id"), admin, null);
        var actions = trail.items().stream().map(e -> e.get("action")).toList();
        assertEquals(List.of("API_KEY_REVOKED", "API_KEY_CREATED"), actions);
        assertTrue(!trail.raw().body().contains(secret), "the secret is never recorded");
    }

    @Test
    void only_admins_manage_keys_and_bad_scopes_are_named() {
        assertEquals(403, api.send("GET", "/api/v1/api-keys", system.userWith(io.flagtrail.domain.actor.Role.EDITOR), null)
                .status());
        var bad = system.createKey("x", List.of("features:delete"));
        assertProblem(bad, 400, "validation.failed");
        assertTrue(bad.raw().body().contains("scopes"));
        assertNull(system.createKey("", List.of("evaluate")).json().get("secret"));
    }

    @Test
    void a_refused_route_is_recorded_as_access_denied_with_who_and_which_route() {
        String viewer = system.userWith(io.flagtrail.domain.actor.Role.VIEWER);
        assertEquals(403, api.send("POST", "/api/v1/features", viewer, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"N\"}")
                .status());

        var denied = api.send("GET", "/api/v1/audit?action=ACCESS_DENIED&limit=5", admin, null).items();
        var entry = denied.getFirst();
        assertEquals("FAILURE", entry.get("outcome"));
        assertEquals("POST /api/v1/features", map(entry, "subject").get("id"));
        assertEquals("USER", map(entry, "actor").get("type"));
    }

    HttpResponse<String> withKeyHeader(String method, String path, String secret, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(system.uri() + path)).header("X-API-Key", secret);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
