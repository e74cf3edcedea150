package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Role;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Projects and environments over HTTP, on H2 and PostgreSQL: the default project every installation has, an ADMIN
 * creating and changing them with ETags and If-Match, readers refused changes, unknown keys named in a 404, and
 * every change in the audit trail.
 */
@SystemTest
class ProjectsSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    ProjectsSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void the_default_project_has_development_and_production() {
        var reply = api.send("GET", "/api/v1/projects/default", admin, null);

        assertEquals(200, reply.status(), reply.raw().body());
        assertEquals("\"1\"", reply.header("ETag"));
        assertEquals(List.of("development", "production"), keys(reply.json().get("environments")));
        var production = api.send("GET", "/api/v1/projects/default/environments/production", admin, null);
        assertEquals("production", production.json().get("type"));
        assertEquals(false, production.json().get("protected"));
    }

    @Test
    void an_admin_creates_and_changes_a_project_and_its_environments_and_every_change_is_audited() {
        String key = project();
        var created = api.send("POST", "/api/v1/projects", admin,
                "{\"key\":\"" + key + "\",\"name\":\"Web shop\",\"owner\":\"team-web\",\"reason\":\"new team\"}");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals("/api/v1/projects/" + key, created.header("Location"));

        var staging = api.send("POST", "/api/v1/projects/" + key + "/environments", admin,
                "{\"key\":\"staging\",\"name\":\"Staging\",\"type\":\"Staging\",\"sortOrder\":50,"
                        + "\"approvalPolicy\":{\"requiredApprovals\":1,\"approverRoles\":[\"editor\"]}}");
        assertEquals(201, staging.status(), staging.raw().body());
        assertEquals(true, staging.json().get("protected"));
        assertEquals(Map.of("requiredApprovals", 1, "approverRoles", List.of("EDITOR"), "approverUsers", List.of(),
                "authorMayApprove", false, "breakGlassRoles", List.of()), staging.json().get("approvalPolicy"));
        assertEquals(List.of("development", "staging", "production"),
                keys(api.send("GET", "/api/v1/projects/" + key + "/environments", admin, null).json().get("items")));

        var renamed = api.send("PATCH", "/api/v1/projects/" + key, admin, "{\"name\":\"Shop\"}", "If-Match", "\"1\"");
        assertEquals(200, renamed.status(), renamed.raw().body());
        assertEquals("\"2\"", renamed.header("ETag"));
        assertProblem(api.send("PATCH", "/api/v1/projects/" + key, admin, "{\"name\":\"Old\"}", "If-Match", "\"1\""),
                412, "version.stale");
        var path = "/api/v1/projects/" + key + "/environments/staging";
        assertEquals(200, api.send("PATCH", path, admin, "{\"type\":\"test\"}", "If-Match", "\"1\"").status());

        assertProblem(api.send("DELETE", path, admin, null), 400, "validation.failed");
        assertEquals(204, api.send("DELETE", path, admin, null, "X-Change-Reason", "merged into qa").status());
        assertProblem(api.send("GET", path, admin, null), 404, "environment.not_found");

        var trail = api.send("GET", "/api/v1/audit?category=CHANGE&limit=200", admin, null).items().stream()
                .filter(e -> String.valueOf(e.get("subject")).contains(key)).map(e -> e.get("action")).toList();
        assertEquals(List.of("ENVIRONMENT_DELETED", "ENVIRONMENT_UPDATED", "PROJECT_UPDATED", "ENVIRONMENT_CREATED",
                "ENVIRONMENT_CREATED", "ENVIRONMENT_CREATED", "PROJECT_CREATED"), trail);
    }

    @Test
    void bad_input_is_named_and_readers_cannot_change_anything() {
        var unknown = api.send("GET", "/api/v1/projects/nope", admin, null);
        assertProblem(unknown, 404, "project.not_found");
        assertTrue(unknown.json().get("detail").toString().contains("'nope'"));
        assertProblem(api.send("GET", "/api/v1/projects/default/environments/qa", admin, null), 404,
                "environment.not_found");
        assertProblem(api.send("POST", "/api/v1/projects", admin, "{\"key\":\"a.b\",\"name\":\"Dotted\"}"), 400,
                "validation.failed");
        assertProblem(api.send("POST", "/api/v1/projects", admin, "{\"key\":\"default\",\"name\":\"Again\"}"), 409,
                "project.key_taken");
        assertProblem(api.send("POST", "/api/v1/projects/default/environments", admin,
                "{\"key\":\"qa\",\"name\":\"QA\",\"type\":\"qa\"}"), 400, "validation.failed");
        assertProblem(api.send("POST", "/api/v1/projects/default/environments", admin,
                "{\"key\":\"production\",\"name\":\"Twice\",\"type\":\"production\"}"), 409, "environment.key_taken");
        assertProblem(api.send("DELETE", "/api/v1/projects/default/environments/production", admin, null,
                "X-Change-Reason", "try"), 409, "environment.compatibility_target");

        String editor = system.userWith(Role.EDITOR);
        assertEquals(200, api.send("GET", "/api/v1/projects", editor, null).status());
        assertEquals(403, api.send("POST", "/api/v1/projects", editor, "{\"key\":\"" + project() + "\",\"name\":\"N\"}")
                .status());
        assertEquals(403, api.send("PATCH", "/api/v1/projects/default", editor, "{\"name\":\"Mine\"}").status());
    }

    private static String project() {
        return "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(Object environments) {
        return ((List<Map<String, Object>>) environments).stream().map(e -> (String) e.get("key")).toList();
    }
}
