package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Four eyes over HTTP, on H2 and PostgreSQL (issue 19): in a project whose production requires one approval by an
 * EDITOR, no direct change reaches production (ADMIN included, a rename from development included); a request is
 * proposed with its diff, refused to its own author's approval (ADMIN too), approved by someone else and applied,
 * each step an audit entry placed in production; an edit voids approvals; a change of the same state since the
 * request was based on it makes it conflicted, one in another environment does not; a rejection stays with its
 * reason; scheduling in the past and applying unapproved requests are refused with what is missing; a protected
 * environment's own policy changes only through a request; a break-glass change is CRITICAL and listed until
 * someone else signs it off; the report finds a change made around the gate by a database edit.
 */
@SystemTest
class ChangeRequestsSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;
    private String project;
    private String key;
    private String alice;
    private String bob;

    ChangeRequestsSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @BeforeEach
    void a_project_whose_production_needs_one_editors_approval() {
        project = "cr-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(201, api.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"W\"}")
                .status());
        var protectedNow = api.send("PATCH", environment("production"), admin,
                "{\"approvalPolicy\":{\"requiredApprovals\":1,\"approverRoles\":[\"EDITOR\"]},\"reason\":\"PCI\"}");
        assertEquals(200, protectedNow.status(), protectedNow.raw().body());
        assertEquals(true, protectedNow.json().get("protected"));
        key = "pay-" + UUID.randomUUID().toString().substring(0, 6);
        var created = api.send("POST", features("development"), admin,
                "{\"key\":\"" + key + "\",\"name\":\"Pay\",\"enabled\":true}");
        assertEquals(201, created.status(), "a new feature is off in production: it may be created there");
        alice = system.userWith(Role.EDITOR);
        bob = system.userWith(Role.EDITOR);
    }

    @Test
    void no_direct_change_reaches_production_and_an_approved_request_by_someone_else_applies() {
        assertProblem(api.send("POST", features("production") + "/" + key + "/enable", admin, null), 409,
                "change_request.required");
        assertProblem(api.send("PATCH", features("development") + "/" + key, admin, "{\"name\":\"Pay v2\"}"), 409,
                "change_request.required");
        assertProblem(api.send("POST", features("production"), admin, "{\"key\":\"" + key + "-x\",\"name\":\"X\","
                + "\"enabled\":true}"), 409, "change_request.required");
        assertEquals(200, api.send("PATCH", features("development") + "/" + key, admin, "{\"rolloutPercentage\":10}")
                .status(), "development's own state is not protected");

        var proposed = propose(alice, "{\"title\":\"Launch pay\",\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":true,\"rolloutPercentage\":50}]}");
        assertEquals("submitted", proposed.json().get("state"));
        assertEquals("\"2\"", proposed.header("ETag"), "drafted, then submitted");
        var diff = change(proposed).get("diff");
        assertEquals(List.of(Map.of("field", "enabled", "from", false, "to", true),
                Map.of("field", "rolloutPercentage", "from", 100, "to", 50)), diff);
        String path = request(proposed);

        assertProblem(api.send("POST", path + "/approve", alice, "{\"comment\":\"mine\"}"), 403,
                "change_request.self_approval");
        assertProblem(api.send("POST", path + "/apply", alice, null), 409, "change_request.not_approved");
        var approved = api.send("POST", path + "/approve", bob, "{\"comment\":\"looks right\"}");
        assertEquals(200, approved.status(), approved.raw().body());
        assertEquals("approved", approved.json().get("state"));
        var applied = api.send("POST", path + "/apply", alice, null);
        assertEquals(200, applied.status(), applied.raw().body());
        assertEquals("applied", applied.json().get("state"));

        var production = api.send("GET", features("production") + "/" + key, admin, null).json();
        assertEquals(true, production.get("enabled"));
        assertEquals(50, ((Number) production.get("rolloutPercentage")).intValue());
        var history = api.send("GET", features("production") + "/" + key + "/history", admin, null).items();
        assertTrue(String.valueOf(history.getFirst().get("reason")).startsWith("change request "
                + proposed.json().get("id")), history.getFirst().toString());
        var steps = api.send("GET", "/api/v1/audit?subjectType=change-request&subjectId=" + proposed.json().get("id"),
                admin, null).items();
        assertEquals(List.of("CHANGE_REQUEST_APPLIED", "CHANGE_REQUEST_APPROVED", "CHANGE_REQUEST_SUBMITTED",
                "CHANGE_REQUEST_DRAFTED"), steps.stream().map(e -> e.get("action")).toList());
        assertEquals("looks right", steps.get(1).get("reason"));
        String bobId = "user:" + api.send("GET", "/api/v1/me", bob, null).json().get("id");
        assertEquals(List.of(proposed.json().get("id")), api.send("GET", requests() + "?approver=" + bobId, admin, null)
                .items().stream().map(r -> r.get("id")).toList(), "the requests bob approved");
        assertEquals(List.of(), api.send("GET", requests() + "?author=" + bobId, admin, null).items());
        assertEquals(4, api.send("GET", "/api/v1/audit?subjectType=change-request&project=" + project
                + "&environment=production", admin, null).items().size(), "each step is placed in production");
    }

    @Test
    void an_admin_cannot_approve_their_own_request_either() {
        var proposed = propose(admin, "{\"title\":\"Admin's\",\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":true}]}");
        assertProblem(api.send("POST", request(proposed) + "/approve", admin, null), 403,
                "change_request.self_approval");
        var viewer = system.userWith(Role.VIEWER);
        assertProblem(api.send("POST", request(proposed) + "/approve", viewer, null), 403,
                "change_request.not_an_approver");
    }

    @Test
    void an_edit_voids_the_approvals_and_a_rejection_stays_with_its_reason() {
        var proposed = propose(alice, "{\"title\":\"On\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
        String path = request(proposed);
        assertEquals("approved", api.send("POST", path + "/approve", bob, null).json().get("state"));

        var edited = api.send("PUT", path + "/changes", alice, "{\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":true,\"rolloutPercentage\":5}]}", "If-Match", "\"3\"");
        assertEquals(200, edited.status(), edited.raw().body());
        assertEquals("submitted", edited.json().get("state"));
        assertEquals(List.of(), edited.json().get("approvals"));
        assertProblem(api.send("PUT", path + "/changes", bob, "{\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":false}]}"), 403, "change_request.not_the_author");

        assertProblem(api.send("POST", path + "/reject", bob, "{}"), 400, "validation.failed");
        var rejected = api.send("POST", path + "/reject", bob, "{\"reason\":\"5% is too little to learn anything\"}");
        assertEquals("rejected", rejected.json().get("state"));
        var kept = api.send("GET", path, admin, null).json();
        assertEquals("rejected", kept.get("state"));
        assertEquals("5% is too little to learn anything", kept.get("decision"));
        assertEquals(1, api.send("GET", requests() + "?state=rejected", admin, null).items().size());
    }

    @Test
    void a_change_of_the_same_state_conflicts_and_one_in_another_environment_does_not() {
        var first = propose(alice, "{\"title\":\"Half\",\"changes\":[{\"feature\":\"" + key
                + "\",\"rolloutPercentage\":50}]}");
        var second = propose(alice, "{\"title\":\"On\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
        api.send("POST", request(first) + "/approve", bob, null);
        api.send("POST", request(second) + "/approve", bob, null);
        assertEquals(200, api.send("PATCH", features("development") + "/" + key, admin, "{\"rolloutPercentage\":20}")
                .status());
        assertEquals("applied", api.send("POST", request(first) + "/apply", alice, null).json().get("state"),
                "development's change is not production's state");

        assertProblem(api.send("POST", request(second) + "/apply", alice, null), 409, "change_request.conflicted");
        var conflicted = api.send("GET", request(second), admin, null).json();
        assertEquals("conflicted", conflicted.get("state"));
        assertEquals(false, api.send("GET", features("production") + "/" + key, admin, null).json().get("enabled"));

        var rebased = api.send("PUT", request(second) + "/changes", alice, "{\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":true}]}");
        assertEquals("submitted", rebased.json().get("state"));
        assertEquals(50, ((Number) ((Map<?, ?>) change(rebased).get("before")).get("rolloutPercentage")).intValue(),
                "rebased on the state as it is now");
        api.send("POST", request(second) + "/approve", bob, null);
        assertEquals("applied", api.send("POST", request(second) + "/apply", bob, null).json().get("state"));
        assertEquals(true, api.send("GET", features("production") + "/" + key, admin, null).json().get("enabled"));
    }

    @Test
    void a_break_glass_change_applies_at_once_is_critical_and_stays_listed_until_someone_else_signs_it_off() {
        assertProblem(api.send("POST", requests() + "/break-glass", admin, "{\"reason\":\"down\",\"changes\":[{"
                + "\"feature\":\"" + key + "\",\"enabled\":true}]}"), 403, "change_request.break_glass_not_allowed");
        String breakGlassByAdmins = "{\"requiredApprovals\":1,\"approverRoles\":[\"EDITOR\"],"
                + "\"breakGlassRoles\":[\"ADMIN\"]}";
        assertProblem(api.send("PATCH", environment("production"), admin, "{\"approvalPolicy\":" + breakGlassByAdmins
                + "}"), 409, "change_request.required");
        var policyChange = propose(alice, "{\"title\":\"Let admins break glass\",\"approvalPolicy\":"
                + breakGlassByAdmins + "}");
        assertEquals(List.of("ADMIN"), ((Map<?, ?>) policyChange.json().get("approvalPolicy")).get("breakGlassRoles"));
        api.send("POST", request(policyChange) + "/approve", bob, null);
        assertEquals("applied", api.send("POST", request(policyChange) + "/apply", alice, null).json().get("state"));
        var policy = (Map<?, ?>) api.send("GET", environment("production"), admin, null).json().get("approvalPolicy");
        assertEquals(List.of("ADMIN"), policy.get("breakGlassRoles"), "the approved policy is the environment's");
        assertProblem(api.send("POST", requests() + "/break-glass", alice, "{\"reason\":\"down\",\"changes\":[{"
                + "\"feature\":\"" + key + "\",\"enabled\":true}]}"), 403, "change_request.break_glass_not_allowed");
        assertProblem(api.send("POST", requests() + "/break-glass", admin, "{\"changes\":[{\"feature\":\"" + key
                + "\",\"enabled\":true}]}"), 400, "validation.failed");

        var broke = api.send("POST", requests() + "/break-glass", admin, "{\"reason\":\"incident 42: payments down\","
                + "\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
        assertEquals(201, broke.status(), broke.raw().body());
        assertEquals("review_pending", broke.json().get("state"));
        assertEquals(true, api.send("GET", features("production") + "/" + key, admin, null).json().get("enabled"),
                "applied at once");
        var entry = api.send("GET", "/api/v1/audit?subjectType=change-request&subjectId=" + broke.json().get("id"),
                admin, null).items().getFirst();
        assertEquals("CHANGE_REQUEST_BREAK_GLASS", entry.get("action"));
        assertEquals("CRITICAL", entry.get("severity"));
        assertEquals("incident 42: payments down", entry.get("reason"));
        assertEquals(1, api.send("GET", requests() + "?state=review_pending", admin, null).items().size());

        String path = request(broke);
        assertProblem(api.send("POST", path + "/sign-off", admin, null), 403, "change_request.self_approval");
        assertProblem(api.send("POST", path + "/withdraw", admin, "{\"reason\":\"hide it\"}"), 409,
                "change_request.review_pending");
        var reviewed = api.send("POST", path + "/sign-off", bob, "{\"comment\":\"right call\"}");
        assertEquals(200, reviewed.status(), reviewed.raw().body());
        assertEquals("reviewed", reviewed.json().get("state"));
        assertEquals(0, api.send("GET", requests() + "?state=review_pending", admin, null).items().size());
    }

    @Test
    void the_report_covers_each_change_by_its_request_and_lists_a_change_made_around_the_gate_as_a_finding()
            throws java.io.IOException {
        Instant start = Instant.now().minusSeconds(1);
        var proposed = propose(alice, "{\"title\":\"On\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
        api.send("POST", request(proposed) + "/approve", bob, "{\"comment\":\"ok\"}");
        assertEquals("applied", api.send("POST", request(proposed) + "/apply", alice, null).json().get("state"));
        // a database owner lifts the policy behind the service's back, changes production directly, puts it back
        liftPolicyInTheDatabase(0);
        assertEquals(200, api.send("POST", features("production") + "/" + key + "/disable", admin, null).status());
        liftPolicyInTheDatabase(1);

        String report = "/api/v1/projects/" + project + "/change-report?from=" + start + "&to="
                + Instant.now().plusSeconds(1);
        var json = api.send("GET", report, admin, null).json();
        var completeness = (Map<?, ?>) json.get("completeness");
        assertEquals(2, completeness.get("stateChanges"), json.toString());
        assertEquals(1, completeness.get("covered"));
        assertEquals(false, completeness.get("complete"));
        var changes = (List<?>) json.get("changes");
        var covered = (Map<?, ?>) changes.get(0);
        assertEquals("APPROVED", covered.get("coverage"));
        assertEquals(proposed.json().get("id"), covered.get("requestId"));
        assertEquals(1, ((List<?>) covered.get("approvers")).size());
        var finding = (Map<?, ?>) ((List<?>) json.get("findings")).getFirst();
        assertEquals("FEATURE_DISABLED", finding.get("action"));
        assertEquals("NONE", finding.get("coverage"));

        var csv = api.send("GET", report + "&format=csv", admin, null);
        assertEquals(200, csv.status());
        assertTrue(csv.raw().body().startsWith("occurredAt,environment,feature,action"), csv.raw().body());
        assertTrue(csv.raw().body().contains(",NONE,"), csv.raw().body());
        assertTrue(csv.raw().body().contains("1 of 2 changes"), csv.raw().body());
        assertProblem(api.send("GET", report, alice, null), 403, "auth.forbidden");

        // the same report travels in the evidence bundle of production, and the offline verifier computes it again
        system.awaitSealed();
        byte[] bundle = api.download("/api/v1/audit/evidence?project=" + project + "&environment=production", admin);
        var verified = new io.flagtrail.application.service.audit.VerifyBundleService()
                .verify(new java.io.ByteArrayInputStream(bundle));
        assertTrue(verified.verified(), verified.summary());
        assertTrue(verified.summary().contains("and the change-management report they make"), verified.summary());
        var carried = io.flagtrail.domain.json.JsonReader.parseObject(unzipped(bundle, "change-report.json"));
        assertEquals(Map.of("stateChanges", 2L, "covered", 1L), Map.of(
                "stateChanges", ((Number) ((Map<?, ?>) carried.get("completeness")).get("stateChanges")).longValue(),
                "covered", ((Number) ((Map<?, ?>) carried.get("completeness")).get("covered")).longValue()));
        assertEquals(1, ((List<?>) carried.get("findings")).size());
    }

    private static String unzipped(byte[] zip, String name) {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(name + " is not in the bundle");
    }

    @Test
    void bad_requests_are_refused_with_what_is_missing() {
        assertProblem(api.send("POST", requests(), alice, "{\"title\":\"Nothing\",\"changes\":[{\"feature\":\""
                + key + "\"}]}"), 400, "validation.failed");
        assertProblem(api.send("POST", requests(), alice, "{\"title\":\"x\",\"changes\":[{\"feature\":\"nope\","
                + "\"enabled\":true}]}"), 404, "feature.not_found");
        assertProblem(api.send("POST", "/api/v1/projects/" + project + "/environments/development/change-requests",
                alice, "{\"title\":\"x\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":false}]}"), 409,
                "change_request.not_required");
        var proposed = propose(alice, "{\"title\":\"On\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
        api.send("POST", request(proposed) + "/approve", bob, null);
        assertProblem(api.send("POST", request(proposed) + "/schedule", alice,
                "{\"at\":\"" + Instant.now().minusSeconds(60) + "\"}"), 400, "validation.failed");
        assertProblem(api.send("GET", requests() + "/" + UUID.randomUUID(), admin, null), 404,
                "change_request.not_found");
    }

    /** What only a database owner can do: change the policy's column, with no audit entry. */
    private void liftPolicyInTheDatabase(int requiredApprovals) {
        TestDatabase.execute(system.database(), "UPDATE environments SET required_approvals = " + requiredApprovals
                + " WHERE env_key = 'production' AND project_id = (SELECT id FROM projects WHERE project_key = '"
                + project + "')");
    }

    private Api.Reply propose(String token, String body) {
        var reply = api.send("POST", requests(), token, body);
        assertEquals(201, reply.status(), reply.raw().body());
        return reply;
    }

    private String request(Api.Reply created) {
        return requests() + "/" + created.json().get("id");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> change(Api.Reply request) {
        return ((List<Map<String, Object>>) request.json().get("changes")).getFirst();
    }

    private String requests() {
        return environment("production") + "/change-requests";
    }

    private String environment(String environment) {
        return "/api/v1/projects/" + project + "/environments/" + environment;
    }

    private String features(String environment) {
        return environment(environment) + "/features";
    }
}
