package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.Poll;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evaluation rate limit with a small bucket of its own: per caller, 429 with Retry-After, refilled in time. */
@MicronautTest(transactional = false)
class EvaluationRateLimitSystemTest extends OwnServerSystemTest {

    @Override
    Map<String, String> settings() {
        return Map.of("flagtrail.evaluation.rate-limit.per-second", "2", "flagtrail.evaluation.rate-limit.burst", "3");
    }

    @Test
    void a_caller_beyond_its_burst_gets_429_with_retry_after_while_another_caller_is_served() throws Exception {
        var api = api();
        String first = api.login(addUser("viewer", Role.VIEWER), PASSWORD);
        String second = api.login(addUser("viewer", Role.VIEWER), PASSWORD);

        for (int i = 0; i < 3; i++) {
            assertEquals(404, evaluate(api, first).status(), "within the burst: evaluated (an unknown flag)");
        }
        var limited = evaluate(api, first);
        var other = evaluate(api, second);

        assertEquals(429, limited.status(), limited.raw().body());
        assertEquals("evaluation.rate_limited", limited.json().get("code"));
        assertEquals("1", limited.header("Retry-After"));
        assertEquals(404, other.status(), "buckets are per caller");

        // Tokens come back with time (TokenBucketTest pins the rate on a clock it moves); here: the caller is served again.
        Poll.until(Duration.ofSeconds(10), "the bucket to refill", () -> evaluate(api, first).status(), s -> s == 404);
    }

    private Api.Reply evaluate(Api api, String token) {
        return api.send("POST", "/ofrep/v1/evaluate/flags/no-such-flag", token, "{\"context\":{}}");
    }
}
