package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one PostgreSQL database, each answering the session check from memory: a logout, a role change or
 * a disabled user through the first instance is refused on the very next request to the second, which had kept the
 * session's standing, round after round (no wait between the change's answer and the next request).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceSessionSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a passphrase for two instances";

    @Inject EmbeddedServer first;
    @Inject JsonMapper json;
    private Map<String, String> properties;
    private EmbeddedServer second;
    private Api one;
    private Api two;
    private String admin;

    @Override
    public Map<String, String> getProperties() {
        properties = StandaloneProperties.on(TestDatabase.postgres());
        return properties;
    }

    @BeforeAll
    void startTheSecond() {
        second = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(properties));
        one = new Api(first.getURI(), json);
        two = new Api(second.getURI(), json);
        admin = one.login("admin@flagtrail.local", properties.get("flagtrail.admin.password"));
    }

    @AfterAll
    void stopTheSecond() {
        second.close();
    }

    @Test
    void a_logout_through_one_instance_is_refused_on_the_next_request_to_the_other() {
        String email = user("EDITOR");
        for (int round = 0; round < 10; round++) {
            String token = one.login(email, PASSWORD);
            kept(token);

            assertEquals(204, one.send("POST", "/api/v1/auth/logout", token, null).status());

            assertProblem(two.send("GET", "/api/v1/features", token, null), 401, "auth.session_ended");
        }
    }

    @Test
    void a_role_change_or_disabling_through_one_instance_is_refused_on_the_next_request_to_the_other() {
        for (int round = 0; round < 5; round++) {
            String email = user("EDITOR");
            String id = (String) one.send("GET", "/api/v1/me", one.login(email, PASSWORD), null).json().get("id");
            String demoted = one.login(email, PASSWORD);
            kept(demoted);

            one.send("PUT", "/api/v1/users/" + id + "/roles", admin, "{\"roles\":[\"VIEWER\"]}");

            assertProblem(two.send("GET", "/api/v1/features", demoted, null), 401, "auth.session_ended");
            // asked again, the refusal comes from the standing the refused read kept (on the event loop)
            assertProblem(two.send("GET", "/api/v1/features", demoted, null), 401, "auth.session_ended");
            String disabled = one.login(email, PASSWORD);
            kept(disabled);

            one.send("POST", "/api/v1/users/" + id + "/disable", admin, null);

            assertProblem(two.send("GET", "/api/v1/features", disabled, null), 401, "auth.session_ended");
        }
    }

    /**
     * The second instance answers for the token twice while it hears every announcement, so it answers from the
     * standing it kept (CachingSessionsTest shows a caught-up instance reads a standing once).
     */
    private void kept(String token) {
        Poll.until(Duration.ofSeconds(10), "the second instance to be caught up",
                () -> second.getApplicationContext().getBean(StandingNotices.class).caughtUp());
        assertEquals(200, two.send("GET", "/api/v1/features", token, null).status());
        assertEquals(200, two.send("GET", "/api/v1/features", token, null).status());
    }

    private String user(String role) {
        String email = "two-" + UUID.randomUUID() + "@example.com";
        var created = one.send("POST", "/api/v1/users", admin, "{\"email\":\"" + email + "\",\"displayName\":\"Two\","
                + "\"roles\":[\"" + role + "\"],\"password\":\"" + PASSWORD + "\"}");
        assertEquals(201, created.status(), created.raw().body());
        return email;
    }
}
