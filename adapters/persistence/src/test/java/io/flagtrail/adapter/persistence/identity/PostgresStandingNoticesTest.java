package io.flagtrail.adapter.persistence.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Announcements of changed standings between two instances on one PostgreSQL schema (the context's bean is the
 * first, a second, slow to hear, is made beside it): heard after commit and before the announcer's wait ends, never when rolled
 * back, and an instance that loses its listening connection stops answering from memory until it listens again.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresStandingNoticesTest implements TestPropertyProvider {

    static final Duration LAG = Duration.ofMillis(300);

    @Inject StandingNotices first;
    @Inject Sql sql;
    @Inject DataSource dataSource;
    @Inject Transactions transactions;
    final TestDatabase.Target database = TestDatabase.postgres();
    JdbcStandingNotices second;
    final AtomicInteger heardBySecond = new AtomicInteger();

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<String, String>();
        database.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("flyway.datasources.default.enabled", "true");
        props.put("flagtrail.security.session-notice-lag", LAG.toMillis() + "ms");
        return props;
    }

    @BeforeAll
    void bothListen() {
        // The second hears everything 100 ms late: the announcer's wait, not luck, must cover that.
        second = new JdbcStandingNotices(sql, dataSource, LAG, Duration.ofMillis(100));
        second.onAnnouncement(heardBySecond::incrementAndGet);
        Poll.until(Duration.ofSeconds(10), "both instances to be caught up", () -> first.caughtUp() && second.caughtUp());
    }

    @AfterAll
    void stop() {
        second.stop();
    }

    @Test
    void an_announcement_is_heard_by_every_caught_up_instance_before_the_announcers_wait_ends() {
        int caughtUpAfterWait = 0;
        for (int i = 0; i < 20; i++) {
            int before = heardBySecond.get();
            transactions.inTransaction(() -> {
                first.announce();
                return null;
            });
            first.awaitHeard();
            if (second.caughtUp()) {
                caughtUpAfterWait++;
                assertTrue(heardBySecond.get() > before, "caught up yet not heard, round " + i);
            }
        }
        int target = heardBySecond.get();
        Poll.until(Duration.ofSeconds(5), "the second instance to have heard", () -> heardBySecond.get() >= target);
        assertTrue(caughtUpAfterWait > 0, "the second instance was never caught up: the property was not exercised");
    }

    @Test
    void a_rolled_back_announcement_is_never_heard() {
        Poll.until(Duration.ofSeconds(10), "caught up", second::caughtUp);
        int before = heardBySecond.get();

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            first.announce();
            throw new IllegalStateException("the change fails after its announcement");
        }));
        transactions.inTransaction(() -> {
            first.announce();
            return null;
        });

        // Heard in commit order: once the committed one is heard, a rolled-back one heard would have counted first.
        Poll.until(Duration.ofSeconds(10), "the committed announcement to be heard", () -> heardBySecond.get() > before);
        Poll.until(Duration.ofSeconds(10), "caught up past both", second::caughtUp);
        assertEquals(before + 1, heardBySecond.get());
    }

    @Test
    void an_instance_that_loses_its_listener_reads_from_the_store_until_it_listens_again_and_forgets_what_it_kept() {
        Poll.until(Duration.ofSeconds(10), "caught up", second::caughtUp);
        int before = heardBySecond.get();

        int cut = sql.lookUp("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?",
                List.of(second.applicationName()), rs -> rs.next() ? rs.getInt(1) : 0);

        assertEquals(1, cut, "the second instance's listening connection");
        Poll.until(Duration.ofSeconds(5), "the cut-off instance to stop trusting its memory", () -> !second.caughtUp());
        Poll.until(Duration.ofSeconds(10), "the instance to listen again", second::caughtUp);
        assertTrue(heardBySecond.get() > before, "listening again forgets whatever was kept");
    }
}
