package io.flagtrail.application.service.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.HeardNotices;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemorySessions;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.InMemoryUsers;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySessions store = new InMemorySessions().withUsers(users);
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final FixedClock clock = new FixedClock(Instant.parse("2026-04-01T09:00:00Z"));
    final HeardNotices notices = new HeardNotices();
    final CachingSessions sessions = new CachingSessions(store, notices, clock, Duration.ofMinutes(1));
    final SessionService service = new SessionService(sessions, notices, users, new AuditTrail(ledger, clock, new SequentialIds()),
            new InMemoryTransactions(users, store, ledger), clock, new SequentialIds(), Duration.ofDays(14));
    final User alice = new User(UUID.randomUUID(), new Email("alice@example.com"), "Alice", "hash",
            Set.of(Role.EDITOR), Set.of(), UserStatus.ACTIVE, clock.now(), null);
    final RequestContext context = RequestContext.system();

    SessionServiceTest() {
        users.add(alice);
    }

    @Test
    void a_refresh_spends_the_token_for_a_new_one_in_the_same_session() {
        var first = service.start(alice, context);

        var second = service.refresh(first.refreshToken(), context);

        assertEquals(first.sessionId(), second.sessionId());
        assertNotEquals(first.refreshToken(), second.refreshToken());
        assertTrue(second.refreshToken().startsWith("ftr_"));
        assertEquals(AuditAction.TOKEN_REFRESHED, ledger.entries().getLast().action());
    }

    @Test
    void reusing_a_spent_token_revokes_the_whole_session_including_its_newest_token() {
        var first = service.start(alice, context);
        var second = service.refresh(first.refreshToken(), context);

        assertThrows(Unauthenticated.class, () -> service.refresh(first.refreshToken(), context));

        assertThrows(Unauthenticated.class, () -> service.refresh(second.refreshToken(), context),
                "the thief's reuse ended the session for the legitimate holder too");
        assertThrows(Unauthenticated.class, () -> service.check(alice.id(), first.sessionId(), List.of("EDITOR")));
        var reuse = ledger.entries().stream().filter(e -> e.action() == AuditAction.TOKEN_REUSE_DETECTED).findFirst()
                .orElseThrow();
        assertEquals(io.flagtrail.domain.audit.Severity.CRITICAL, reuse.severity());
    }

    @Test
    void an_expired_or_unknown_refresh_token_is_refused() {
        var session = service.start(alice, context);
        assertThrows(Unauthenticated.class, () -> service.refresh("ftr_unknown", context));
        assertThrows(Unauthenticated.class, () -> service.refresh("not-a-token", context));
        clock.advance(Duration.ofDays(14));
        assertThrows(Unauthenticated.class, () -> service.refresh(session.refreshToken(), context));
    }

    @Test
    void logging_out_ends_the_session_at_once() {
        var session = service.start(alice, context);
        service.check(alice.id(), session.sessionId(), List.of("EDITOR"));

        service.logOut(session.sessionId(), new Origin(alice.asActor(), context));

        assertThrows(Unauthenticated.class, () -> service.check(alice.id(), session.sessionId(), List.of("EDITOR")));
        assertThrows(Unauthenticated.class, () -> service.refresh(session.refreshToken(), context));
        assertEquals(AuditAction.LOGOUT, ledger.entries().getLast().action());
    }

    @Test
    void a_logout_through_one_instance_is_refused_on_the_next_check_of_another_that_kept_the_standing() {
        var other = new SessionService(new CachingSessions(store, notices, clock, Duration.ofMinutes(1)), notices,
                users, new AuditTrail(ledger, clock, new SequentialIds()), new InMemoryTransactions(users, store, ledger),
                clock, new SequentialIds(), Duration.ofDays(14));
        var session = service.start(alice, context);
        other.check(alice.id(), session.sessionId(), List.of("EDITOR"));
        other.check(alice.id(), session.sessionId(), List.of("EDITOR"));
        assertEquals(1, store.standingReads(), "the other instance answers from memory");

        service.logOut(session.sessionId(), new Origin(alice.asActor(), context));

        assertEquals(1, notices.announced());
        assertThrows(Unauthenticated.class, () -> other.check(alice.id(), session.sessionId(), List.of("EDITOR")));
    }

    @Test
    void the_check_without_blocking_answers_from_memory_only_and_judges_as_the_check_does() {
        var session = service.start(alice, context);
        assertFalse(service.checkWithoutBlocking(alice.id(), session.sessionId(), List.of("EDITOR")),
                "not in memory yet: the caller must check where it may block");
        service.check(alice.id(), session.sessionId(), List.of("EDITOR"));

        assertTrue(service.checkWithoutBlocking(alice.id(), session.sessionId(), List.of("EDITOR")));
        assertThrows(Unauthenticated.class,
                () -> service.checkWithoutBlocking(alice.id(), session.sessionId(), List.of("ADMIN")));
        assertThrows(Unauthenticated.class,
                () -> service.checkWithoutBlocking(UUID.randomUUID(), session.sessionId(), List.of("EDITOR")));
        service.logOut(session.sessionId(), new Origin(alice.asActor(), context));
        assertFalse(service.checkWithoutBlocking(alice.id(), session.sessionId(), List.of("EDITOR")),
                "the logout was heard: the memory forgot the standing");
        assertEquals(1, store.standingReads());
    }

    @Test
    void a_token_whose_user_was_disabled_or_whose_roles_changed_is_refused() {
        var session = service.start(alice, context);

        assertThrows(Unauthenticated.class, () -> service.check(alice.id(), session.sessionId(), List.of("ADMIN")));
        users.replace(new User(alice.id(), alice.email(), "Alice", "hash", Set.of(Role.EDITOR), Set.of(), UserStatus.DISABLED,
                alice.createdAt(), null));
        notices.hear(); // as the user service announces the change it stores
        assertThrows(Unauthenticated.class, () -> service.check(alice.id(), session.sessionId(), List.of("EDITOR")));
        assertThrows(Unauthenticated.class, () -> service.refresh(session.refreshToken(), context));
    }

    @Test
    void no_refresh_token_appears_in_the_ledger() {
        var session = service.start(alice, context);
        var next = service.refresh(session.refreshToken(), context);
        assertTrue(ledger.entries().stream().map(Object::toString)
                .noneMatch(e -> e.contains(session.refreshToken()) || e.contains(next.refreshToken())));
    }
}
