package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The evaluation rate limit with a small bucket of its own: per caller, 429 with Retry-After, refilled in time. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRateLimitSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a-long-viewer-password";

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject Users users;
    @Inject PasswordHasher hasher;

    @Override
    public Map<String, String> getProperties() {
        var props = StandaloneProperties.on(TestDatabase.postgres());
        props.put("flagtrail.evaluation.rate-limit.per-second", "2");
        props.put("flagtrail.evaluation.rate-limit.burst", "3");
        return props;
    }

    @Test
    void a_caller_beyond_its_burst_gets_429_with_retry_after_while_another_caller_is_served() throws Exception {
        var api = new Api(server.getURI(), json);
        String first = viewerToken(api);
        String second = viewerToken(api);

        for (int i = 0; i < 3; i++) {
            assertEquals(404, evaluate(api, first).status(), "within the burst: evaluated (an unknown flag)");
        }
        var limited = evaluate(api, first);
        var other = evaluate(api, second);

        assertEquals(429, limited.status(), limited.raw().body());
        assertEquals("evaluation.rate_limited", limited.json().get("code"));
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(404, other.status(), "buckets are per caller");

        Thread.sleep(1_100); // two tokens back at two per second
        assertEquals(404, evaluate(api, first).status(), "the bucket refilled");
    }

    private Api.Reply evaluate(Api api, String token) {
        return api.send("POST", "/ofrep/v1/evaluate/flags/no-such-flag", token, "{\"context\":{}}");
    }

    private String viewerToken(Api api) {
        String email = "viewer-" + UUID.randomUUID() + "@example.com";
        users.add(new User(UUID.randomUUID(), new Email(email), "Viewer", hasher.hash(PASSWORD.toCharArray()),
                Set.of(Role.VIEWER), UserStatus.ACTIVE, Instant.now(), null));
        return api.login(email, PASSWORD);
    }
}
