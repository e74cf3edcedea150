package io.flagtrail.application.service.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryLoginAttempts;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.InMemoryUsers;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.ReversibleHasher;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.BootstrapAdminCommand;
import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.TooManyAttempts;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LogInServiceTest {

    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final ReversibleHasher hasher = new ReversibleHasher();
    final FixedClock clock = new FixedClock(Instant.parse("2026-03-01T10:00:00Z"));
    final InMemoryLoginAttempts attempts = new InMemoryLoginAttempts();
    final InMemoryTransactions transactions = new InMemoryTransactions(users, ledger, attempts);
    final LoginPolicy policy = new LoginPolicy(10, Duration.ofMinutes(15), 30, Duration.ofMinutes(15), 20,
            Duration.ofMinutes(1));
    final CountingMetrics metrics = new CountingMetrics();
    final LogInService logIn = new LogInService(users, hasher, attempts,
            new AuditTrail(ledger, clock, new SequentialIds()), transactions, clock, policy, metrics);
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final BootstrapAdminService bootstrap = new BootstrapAdminService(users, hasher,
            new UserChanges(new AuditTrail(ledger, clock, new SequentialIds()), outbox, clock, new SequentialIds()),
            transactions, clock, new SequentialIds(), new RecordingLogger());

    @Test
    void the_first_admin_is_created_once_and_audited_as_a_system_action() {
        var generated = bootstrap.ensureAdmin(new BootstrapAdminCommand("Admin@Example.com", new char[0]));
        var again = bootstrap.ensureAdmin(new BootstrapAdminCommand("other@example.com", new char[0]));

        assertTrue(generated.isPresent());
        assertTrue(generated.get().length() >= 20);
        assertTrue(again.isEmpty());
        assertEquals(1, users.count());
        var entry = ledger.entries().getFirst();
        assertEquals(AuditAction.USER_CREATED, entry.action());
        assertEquals("bootstrap", entry.actor().id());
        assertTrue(entry.after().values().stream().noneMatch(v -> String.valueOf(v).contains(generated.get())));
    }

    @Test
    void a_short_configured_admin_password_is_refused() {
        assertThrows(InvalidInput.class,
                () -> bootstrap.ensureAdmin(new BootstrapAdminCommand("a@example.com", "short".toCharArray())));
    }

    @Test
    void the_right_password_logs_in_whatever_the_email_case_and_records_the_login() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand("admin@example.com", "a-long-password".toCharArray()));

        var user = logIn.logIn(command("ADMIN@example.com", "a-long-password"));

        assertEquals(Set.of(Role.ADMIN), user.roles());
        assertEquals(clock.now(), users.findById(user.id()).orElseThrow().lastLoginAt());
    }

    @Test
    void wrong_password_unknown_email_and_disabled_user_fail_alike() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand("admin@example.com", "a-long-password".toCharArray()));
        users.add(new User(UUID.randomUUID(), new Email("off@example.com"), "Off", hasher.hash("a-long-password".toCharArray()),
                Set.of(Role.VIEWER), Set.of(), UserStatus.DISABLED, clock.now(), null));

        var wrong = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "nope")));
        var unknown = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("who@example.com", "nope")));
        var malformed = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("not an email", "nope")));
        var disabled = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("off@example.com", "a-long-password")));

        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), disabled.getMessage());
        assertEquals(wrong.code(), malformed.code());
        assertEquals(2, hasher.burned());
    }

    @Test
    void a_hash_made_with_old_parameters_is_replaced_on_login() {
        var id = UUID.randomUUID();
        users.add(new User(id, new Email("old@example.com"), "Old", "v1:" + new StringBuilder("a-long-password").reverse(),
                Set.of(Role.EDITOR), Set.of(), UserStatus.ACTIVE, clock.now(), null));

        logIn.logIn(command("old@example.com", "a-long-password"));

        assertTrue(users.findById(id).orElseThrow().passwordHash().startsWith(ReversibleHasher.CURRENT));
    }

    @Test
    void ten_failures_from_an_address_lock_the_account_for_that_address_only_until_the_window_passes() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand("admin@example.com", "a-long-password".toCharArray()));
        for (int i = 0; i < 10; i++) {
            assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "wrong-password")));
            clock.advance(Duration.ofSeconds(30));
        }

        var locked = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "a-long-password")));
        var unknown = assertThrows(Unauthenticated.class, () -> logIn.logIn(command("who@example.com", "x")));
        assertEquals(unknown.getMessage(), locked.getMessage(), "a locked account answers like a wrong password");
        assertEquals(1, actions(AuditAction.LOGIN_LOCKED), "locked once, by the tenth failure");
        assertEquals("admin@example.com", logIn.logIn(command("admin@example.com", "a-long-password", "192.0.2.7"))
                .email().value(), "the lock holds for the guesser's address, not for the user's own");

        clock.advance(Duration.ofMinutes(15).minusSeconds(301));
        assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "a-long-password")),
                "still inside the window that began with the first failure");
        clock.advance(Duration.ofMinutes(5));
        var user = logIn.logIn(command("admin@example.com", "a-long-password"));

        assertEquals("admin@example.com", user.email().value());
        assertEquals(13, actions(AuditAction.LOGIN_FAILED), "attempts against the lock are counted failures");
        assertEquals(AuditAction.LOGIN_SUCCEEDED, ledger.entries().getLast().action());
        assertEquals(2, metrics.count("login:locked"));
        assertEquals(2, metrics.count("login:succeeded"));
    }

    @Test
    void attempts_against_a_locked_account_count_toward_the_address_and_a_throttled_address_grows_the_ledger_by_one_summary() {
        var noBackoff = new LogInService(users, hasher, attempts, new AuditTrail(ledger, clock, new SequentialIds()),
                transactions, clock,
                new LoginPolicy(10, Duration.ofMinutes(15), 30, Duration.ofMinutes(15), 1000, Duration.ofMinutes(1)),
                metrics);
        for (int i = 0; i < 30; i++) {
            assertThrows(Unauthenticated.class, () -> noBackoff.logIn(command("admin@example.com", "nope")));
        }
        int recorded = ledger.entries().size();
        for (int i = 0; i < 190; i++) {
            assertThrows(TooManyAttempts.class, () -> noBackoff.logIn(command("admin@example.com", "nope")));
        }
        assertEquals(recorded, ledger.entries().size(), "refused attempts are counted, not recorded one by one");
        assertEquals(20, hasher.burned() - 10, "no password work for refused attempts (10 + 20 before the throttle)");

        clock.advance(Duration.ofMinutes(16));
        assertThrows(Unauthenticated.class, () -> noBackoff.logIn(command("someone@example.com", "nope")));

        var throttles = ledger.entries().stream().filter(e -> e.action() == AuditAction.LOGIN_THROTTLED).toList();
        assertEquals(2, throttles.size(), "the address throttled, and one summary of what it refused");
        assertTrue(throttles.getLast().after().get("reason").toString().contains("190 attempts refused"),
                throttles.getLast().after().toString());
    }

    @Test
    void an_account_guessed_from_many_addresses_backs_off_globally_but_is_never_locked_out() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand("admin@example.com", "a-long-password".toCharArray()));
        for (int i = 0; i < 20; i++) {
            String address = "198.51.100." + i;
            assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "guess", address)));
        }
        var waiting = assertThrows(TooManyAttempts.class,
                () -> logIn.logIn(command("admin@example.com", "a-long-password", "203.0.113.1")));
        assertEquals(Duration.ofSeconds(1), waiting.retryAfter(), "one second after the 20th failure");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("admin@example.com", logIn.logIn(command("admin@example.com", "a-long-password", "203.0.113.1"))
                .email().value(), "the user gets in once the back-off has passed");
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            String address = "198.51.101." + i;
            assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "guess", address)));
        }
        var capped = assertThrows(TooManyAttempts.class, () -> logIn.logIn(command("admin@example.com", "x", "203.0.113.2")));
        assertEquals(Duration.ofMinutes(1), capped.retryAfter(), "doubling, capped at the configured maximum");
    }

    @Test
    void an_address_with_too_many_failures_is_throttled_with_a_time_to_retry() {
        for (int i = 0; i < 30; i++) {
            int n = i;
            assertThrows(Unauthenticated.class, () -> logIn.logIn(command("user" + n + "@example.com", "nope")));
        }
        clock.advance(Duration.ofMinutes(5));

        var throttled = assertThrows(TooManyAttempts.class, () -> logIn.logIn(command("new@example.com", "nope")));

        assertEquals(Duration.ofMinutes(10), throttled.retryAfter());
        clock.advance(Duration.ofMinutes(10));
        assertThrows(Unauthenticated.class, () -> logIn.logIn(command("new@example.com", "nope")), "the window passed");
    }

    @Test
    void attempts_are_recorded_without_the_password() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand("admin@example.com", "a-long-password".toCharArray()));
        assertThrows(Unauthenticated.class, () -> logIn.logIn(command("admin@example.com", "secret-guess-123")));
        logIn.logIn(command("admin@example.com", "a-long-password"));

        var failed = ledger.entries().stream().filter(e -> e.action() == AuditAction.LOGIN_FAILED).findFirst().orElseThrow();
        assertEquals("anonymous", failed.actor().id());
        assertEquals("10.1.2.3", failed.context().ip());
        assertTrue(ledger.entries().stream().map(Object::toString)
                .noneMatch(e -> e.contains("secret-guess-123") || e.contains("a-long-password")));
    }

    private long actions(AuditAction action) {
        return ledger.entries().stream().filter(e -> e.action() == action).count();
    }

    private static LogInCommand command(String email, String password) {
        return command(email, password, "10.1.2.3");
    }

    private static LogInCommand command(String email, String password, String address) {
        return new LogInCommand(email, password.toCharArray(),
                new RequestContext(null, null, io.flagtrail.domain.audit.Channel.HTTP, address, "junit"));
    }
}
