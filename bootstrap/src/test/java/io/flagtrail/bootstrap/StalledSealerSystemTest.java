package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.bootstrap.jobs.SealingLagAlarm;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.Poll;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sealer that does not run: entries wait unsealed and the lag grows past the limit. Readiness stays UP (writes and
 * evaluations work), the ledger component says LAGGING, and the alarm fires.
 */
@MicronautTest(transactional = false)
class StalledSealerSystemTest extends OwnServerSystemTest {

    @Inject SealingLagAlarm alarm;

    @Override
    Map<String, String> settings() {
        return Map.of("flagtrail.ledger.sealer.enabled", "false", "flagtrail.health.max-sealing-lag", "1ms",
                "flagtrail.health.sealing-check-interval", "1h");
    }

    @Test
    void a_lagging_sealer_is_reported_and_alarmed_but_readiness_stays_up() throws Exception {
        var api = api();
        String admin = api.login(addUser("admin", Role.ADMIN), PASSWORD);
        assertEquals(201, api.send("POST", "/api/v1/features", admin, "{\"key\":\"stalled-" + System.nanoTime()
                + "\",\"name\":\"N\"}").status());

        // The unsealed entry is older than the 1 ms limit as soon as the clock has moved on by a millisecond.
        var ledger = Poll.until(Duration.ofSeconds(10), "the ledger health to report LAGGING",
                () -> SystemClient.map(SystemClient.map(SystemClient.map(
                        api.send("GET", "/health", admin, null).json(), "details"), "ledger"), "details"),
                details -> "LAGGING".equals(details.get("sealing")));
        var readiness = api.send("GET", "/health/readiness", null, null);
        alarm.check();

        assertEquals(200, readiness.status(), readiness.raw().body());
        assertEquals("LAGGING", ledger.get("sealing"), ledger.toString());
        assertTrue(alarm.lagging(), "the alarm fired");
    }
}
