package io.flagtrail.application.service.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.HeardNotices;
import io.flagtrail.application.fakes.InMemorySessions;
import io.flagtrail.application.fakes.InMemoryUsers;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CachingSessionsTest {

    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySessions store = new InMemorySessions().withUsers(users);
    final FixedClock clock = new FixedClock(Instant.parse("2026-04-01T09:00:00Z"));
    final HeardNotices notices = new HeardNotices();
    final CachingSessions sessions = new CachingSessions(store, notices, clock, Duration.ofSeconds(30));
    final User alice = new User(UUID.randomUUID(), new Email("alice@example.com"), "Alice", "hash",
            Set.of(Role.EDITOR), Set.of(), UserStatus.ACTIVE, clock.now(), null);
    final UUID session = UUID.randomUUID();

    CachingSessionsTest() {
        users.add(alice);
        store.start(session, alice.id(), clock.now());
    }

    @Test
    void a_standing_is_read_once_while_the_instance_is_caught_up() {
        sessions.standing(session);
        sessions.standing(session);
        sessions.standing(session);

        assertEquals(1, store.standingReads());
    }

    @Test
    void an_announcement_forgets_every_kept_standing_so_the_change_is_read() {
        sessions.standing(session);
        store.revoke(session, clock.now(), "logged out");

        notices.hear();

        assertTrue(sessions.standing(session).orElseThrow().revoked());
        assertEquals(2, store.standingReads());
    }

    @Test
    void an_instance_that_is_not_caught_up_reads_every_time() {
        sessions.standing(session);
        notices.caughtUp = false;

        sessions.standing(session);
        sessions.standing(session);

        assertEquals(3, store.standingReads());
    }

    @Test
    void a_standing_read_while_an_announcement_arrives_is_not_kept() {
        store.duringStandingRead(notices::hear);
        sessions.standing(session);
        store.duringStandingRead(() -> { });

        sessions.standing(session);
        sessions.standing(session);

        assertEquals(2, store.standingReads(), "the racing read is not kept; the one after it is");
    }

    @Test
    void a_kept_standing_is_read_again_after_its_maximum_age_for_changes_made_around_the_service() {
        sessions.standing(session);
        store.revoke(session, clock.now(), "revoked by hand in the database: nothing announced");
        clock.advance(Duration.ofSeconds(29));
        assertTrue(!sessions.standing(session).orElseThrow().revoked());

        clock.advance(Duration.ofSeconds(1));

        assertTrue(sessions.standing(session).orElseThrow().revoked());
    }

    @Test
    void an_unknown_session_is_never_kept() {
        var unknown = UUID.randomUUID();
        sessions.standing(unknown);
        sessions.standing(unknown);

        assertEquals(2, store.standingReads());
    }

    @Test
    void remembered_answers_only_what_is_kept_and_valid_and_never_reads_the_store() {
        assertTrue(sessions.remembered(session).isEmpty(), "nothing kept yet");
        sessions.standing(session);

        assertEquals(alice.id(), sessions.remembered(session).orElseThrow().userId());
        notices.caughtUp = false;
        assertTrue(sessions.remembered(session).isEmpty(), "not caught up: the memory is not trusted");
        notices.caughtUp = true;
        notices.hear();
        assertTrue(sessions.remembered(session).isEmpty(), "an announcement forgot it");
        sessions.standing(session);
        clock.advance(Duration.ofSeconds(30));
        assertTrue(sessions.remembered(session).isEmpty(), "older than the maximum age");

        assertEquals(2, store.standingReads());
    }
}
