package io.flagtrail.application.service.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.HeardNotices;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryProjects;
import io.flagtrail.application.fakes.InMemorySessions;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.InMemoryUsers;
import io.flagtrail.application.fakes.ReversibleHasher;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserAccountServiceTest {

    final InMemoryUsers users = new InMemoryUsers();
    final InMemorySessions store = new InMemorySessions().withUsers(users);
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final FixedClock clock = new FixedClock(Instant.parse("2026-04-01T09:00:00Z"));
    final HeardNotices notices = new HeardNotices();
    final CachingSessions sessions = new CachingSessions(store, notices, clock, Duration.ofMinutes(1));
    final InMemoryTransactions transactions = new InMemoryTransactions(users, store, ledger, outbox);
    final ReversibleHasher hasher = new ReversibleHasher();
    final InMemoryProjects projects = InMemoryProjects.seeded();
    final UserAccountService accounts = new UserAccountService(users, projects, hasher,
            password -> new String(password).equalsIgnoreCase("password1234"), sessions, notices,
            new UserChanges(new AuditTrail(ledger, clock, new SequentialIds()), outbox, clock, new SequentialIds()),
            transactions, clock, new SequentialIds());
    final SessionService sessionService = new SessionService(sessions, notices, users, new AuditTrail(ledger, clock, new SequentialIds()), transactions, clock,
            new SequentialIds(), Duration.ofDays(1));
    final Origin admin = new Origin(Actor.system("admin"), RequestContext.system());

    @Test
    void roles_granted_and_revoked_are_recorded_one_entry_each_with_before_and_after() {
        var user = accounts.create(command("a@example.com", Set.of(Role.VIEWER), "a fine passphrase"));

        accounts.changeRoles(user.id(), Set.of(Role.EDITOR, Role.AUDITOR), admin);

        assertEquals(2, count(AuditAction.ROLE_GRANTED));
        assertEquals(1, count(AuditAction.ROLE_REVOKED));
        assertTrue(ledger.entries().stream().noneMatch(e -> String.valueOf(e.after()).contains("hash")));
        assertEquals(java.util.List.of("UserCreated", "UserRolesChanged"),
                outbox.published().stream().map(e -> e.type()).toList());
    }

    @Test
    void a_role_change_is_refused_on_the_next_check_though_the_standing_was_kept() {
        var user = accounts.create(command("c@example.com", Set.of(Role.EDITOR), "a fine passphrase"));
        var session = sessionService.start(user, RequestContext.system());
        sessionService.check(user.id(), session.sessionId(), java.util.List.of("EDITOR"));

        accounts.changeRoles(user.id(), Set.of(Role.VIEWER), admin);

        assertEquals(1, notices.announced());
        assertThrows(io.flagtrail.domain.error.Unauthenticated.class,
                () -> sessionService.check(user.id(), session.sessionId(), java.util.List.of("EDITOR")));
    }

    @Test
    void grants_in_projects_and_environments_are_recorded_one_entry_each_and_end_stale_tokens() {
        var developer = new CreateUserCommand("dev@example.com", null, Set.of(),
                Set.of(Grant.parse("EDITOR@default/development")), "a fine passphrase".toCharArray(), admin);
        var user = accounts.create(developer);
        assertEquals(Set.of(Grant.parse("EDITOR@default/development")), user.grants(), "grants alone are enough");
        var session = sessionService.start(user, RequestContext.system());
        sessionService.check(user.id(), session.sessionId(), java.util.List.of("EDITOR@default/development"));

        var changed = accounts.changeGrants(user.id(), Set.of(Grant.parse("VIEWER@default"),
                Grant.parse("EDITOR@default/production")), admin);

        assertEquals(2, count(AuditAction.ROLE_GRANTED));
        assertEquals(1, count(AuditAction.ROLE_REVOKED));
        assertEquals(java.util.List.of("EDITOR@default/production", "VIEWER@default"),
                ledger.entries().getLast().after().get("grants"));
        assertEquals(2, changed.grants().size());
        assertEquals(1, notices.announced());
        assertThrows(io.flagtrail.domain.error.Unauthenticated.class, () -> sessionService.check(user.id(),
                session.sessionId(), java.util.List.of("EDITOR@default/development")), "the token's grants are stale");
    }

    @Test
    void a_grant_names_a_place_that_exists_and_a_role_that_can_be_granted_there() {
        var user = accounts.create(command("g@example.com", Set.of(Role.VIEWER), "a fine passphrase"));
        long entries = ledger.entries().size();

        var project = assertThrows(NotFound.class,
                () -> accounts.changeGrants(user.id(), Set.of(Grant.parse("EDITOR@web")), admin));
        assertTrue(project.getMessage().contains("web"), project.getMessage());
        var environment = assertThrows(NotFound.class,
                () -> accounts.changeGrants(user.id(), Set.of(Grant.parse("EDITOR@default/staging")), admin));
        assertTrue(environment.getMessage().contains("staging"), environment.getMessage());
        assertThrows(InvalidInput.class, () -> Grant.parse("ADMIN@default"));
        assertThrows(InvalidInput.class, () -> Grant.parse("EDITOR@"));
        assertThrows(InvalidInput.class, () -> Grant.parse("EDITOR@default/"));
        assertThrows(InvalidInput.class, () -> Grant.parse("editor-default"));
        assertThrows(InvalidInput.class, () -> accounts.changeRoles(user.id(), Set.of(), admin),
                "no role and no grant leaves the account nothing to do");
        assertEquals(entries, ledger.entries().size(), "nothing refused was recorded");
        assertEquals(Set.of(), users.findById(user.id()).orElseThrow().grants());
    }

    @Test
    void a_change_that_changes_nothing_announces_nothing() {
        var user = accounts.create(command("d@example.com", Set.of(Role.EDITOR), "a fine passphrase"));

        accounts.enable(user.id(), admin);

        assertEquals(0, notices.announced());
    }

    @Test
    void disabling_ends_every_session_of_the_user() {
        var user = accounts.create(command("b@example.com", Set.of(Role.EDITOR), "a fine passphrase"));
        var session = sessionService.start(user, RequestContext.system());

        accounts.disable(user.id(), admin);

        assertFalse(sessions.active(session.sessionId()));
        assertEquals(UserStatus.DISABLED, accounts.get(user.id()).status());
        assertEquals(AuditAction.USER_DISABLED, ledger.entries().getLast().action());
    }

    @Test
    void the_last_active_admin_keeps_the_role_and_stays_enabled() {
        var only = accounts.create(command("root@example.com", Set.of(Role.ADMIN), "a fine passphrase"));

        assertThrows(Conflict.class, () -> accounts.changeRoles(only.id(), Set.of(Role.VIEWER), admin));
        assertThrows(Conflict.class, () -> accounts.disable(only.id(), admin));
        accounts.create(command("second@example.com", Set.of(Role.ADMIN), "a fine passphrase"));
        accounts.disable(only.id(), admin);
    }

    @Test
    void short_and_block_listed_passwords_are_refused_and_nothing_is_written() {
        assertThrows(InvalidInput.class, () -> accounts.create(command("c@example.com", Set.of(Role.VIEWER), "short")));
        var listed = assertThrows(InvalidInput.class,
                () -> accounts.create(command("c@example.com", Set.of(Role.VIEWER), "PASSWORD1234")));
        assertEquals("password", listed.violations().getFirst().field());
        assertEquals(0, users.count());
        assertTrue(ledger.entries().isEmpty());
    }

    @Test
    void changing_ones_password_needs_the_current_one() {
        var user = accounts.create(command("d@example.com", Set.of(Role.VIEWER), "a fine passphrase"));
        var wrong = assertThrows(InvalidInput.class, () -> accounts.changePassword(user.id(),
                "not it at all".toCharArray(), "a new passphrase".toCharArray(), admin));
        assertEquals("currentPassword", wrong.violations().getFirst().field());

        accounts.changePassword(user.id(), "a fine passphrase".toCharArray(), "a new passphrase".toCharArray(), admin);

        assertTrue(hasher.matches("a new passphrase".toCharArray(), users.findById(user.id()).orElseThrow().passwordHash()));
        assertEquals(AuditAction.PASSWORD_CHANGED, ledger.entries().getLast().action());
    }

    private long count(AuditAction action) {
        return ledger.entries().stream().filter(e -> e.action() == action).count();
    }

    private CreateUserCommand command(String email, Set<Role> roles, String password) {
        return new CreateUserCommand(email, null, roles, Set.of(), password.toCharArray(), admin);
    }
}
