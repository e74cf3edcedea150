package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Scheduled change requests with two instances on one PostgreSQL database, both running the scheduler every 50 ms
 * (issue 19): several requests due at the same instant are each applied exactly once, by the system on its approvers'
 * behalf, whichever instance gets there first; the other stands by.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceScheduledChangeSystemTest implements TestPropertyProvider {

    private static final int REQUESTS = 6;

    @Inject EmbeddedServer first;
    @Inject JsonMapper json;
    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        properties = StandaloneProperties.on(TestDatabase.postgres());
        properties.put("flagtrail.change-requests.schedule-interval", "50ms");
        return properties;
    }

    @Test
    void requests_due_at_once_are_each_applied_exactly_once_by_one_of_two_instances() {
        try (var second = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(properties))) {
            var one = new Api(first.getURI(), json);
            var two = new Api(second.getURI(), json);
            String admin = one.login("admin@flagtrail.local", properties.get("flagtrail.admin.password"));
            String project = "sched-" + UUID.randomUUID().toString().substring(0, 8);
            String production = "/api/v1/projects/" + project + "/environments/production";
            assertEquals(201, one.send("POST", "/api/v1/projects", admin, "{\"key\":\"" + project + "\",\"name\":\"S\"}")
                    .status());
            assertEquals(200, one.send("PATCH", production, admin,
                    "{\"approvalPolicy\":{\"requiredApprovals\":1,\"approverRoles\":[\"EDITOR\"]}}").status());
            String alice = editor(one, admin);
            String bob = editor(two, admin);

            var paths = new ArrayList<String>();
            var keys = new ArrayList<String>();
            Instant due = Instant.now().plusSeconds(3);
            for (int i = 0; i < REQUESTS; i++) {
                String key = "sched-" + i;
                keys.add(key);
                assertEquals(201, one.send("POST", production + "/features", admin,
                        "{\"key\":\"" + key + "\",\"name\":\"S\"}").status());
                var proposed = one.send("POST", production + "/change-requests", alice, "{\"title\":\"On at " + due
                        + "\",\"changes\":[{\"feature\":\"" + key + "\",\"enabled\":true}]}");
                assertEquals(201, proposed.status(), proposed.raw().body());
                String path = production + "/change-requests/" + proposed.json().get("id");
                paths.add(path);
                assertEquals("approved", two.send("POST", path + "/approve", bob, null).json().get("state"));
                var scheduled = one.send("POST", path + "/schedule", alice, "{\"at\":\"" + due + "\"}");
                assertEquals("scheduled", scheduled.json().get("state"), scheduled.raw().body());
            }

            for (var path : paths) {
                Poll.until(Duration.ofSeconds(20), "the scheduler to apply " + path,
                        () -> one.send("GET", path, admin, null), reply -> "applied".equals(reply.json().get("state")));
            }
            for (int i = 0; i < REQUESTS; i++) {
                var id = paths.get(i).substring(paths.get(i).lastIndexOf('/') + 1);
                var steps = one.send("GET", "/api/v1/audit?subjectType=change-request&subjectId=" + id, admin, null)
                        .items();
                List<Object> applied = steps.stream().filter(e -> "CHANGE_REQUEST_APPLIED".equals(e.get("action")))
                        .map(e -> ((Map<?, ?>) e.get("actor")).get("id")).map(Object.class::cast).toList();
                assertEquals(List.of("scheduler"), applied, "applied once, by the system: " + steps);
                assertEquals(List.of("CHANGE_REQUEST_APPLIED", "CHANGE_REQUEST_SCHEDULED", "CHANGE_REQUEST_APPROVED",
                        "CHANGE_REQUEST_SUBMITTED", "CHANGE_REQUEST_DRAFTED"), steps.stream().map(e -> e.get("action"))
                        .toList(), "the other instance stood by: it recorded nothing");
                var enabled = one.send("GET", production + "/features/" + keys.get(i) + "/history", admin, null).items()
                        .stream().filter(e -> "FEATURE_ENABLED".equals(e.get("action"))).toList();
                assertEquals(1, enabled.size(), "the feature was switched on once: " + enabled);
            }
        }
    }

    private static String editor(Api api, String admin) {
        String email = "editor-" + UUID.randomUUID() + "@example.com";
        var created = api.send("POST", "/api/v1/users", admin, "{\"email\":\"" + email + "\",\"roles\":[\"EDITOR\"],"
                + "\"password\":\"" + SystemClient.PASSWORD + "\"}");
        assertEquals(201, created.status(), created.raw().body());
        return api.login(email, SystemClient.PASSWORD);
    }
}
