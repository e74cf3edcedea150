package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Role;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UserTest {

    final User admin = User.register(UUID.randomUUID(), new Email("admin@example.com"), "Admin", "hash",
            Set.of(Role.ADMIN), Set.of(), Instant.EPOCH).after();
    final AtomicInteger asked = new AtomicInteger();

    @Test
    void the_last_active_admin_keeps_the_role_and_stays_enabled() {
        assertEquals("user.last_admin",
                assertThrows(Conflict.class, () -> admin.changeRoles(Set.of(Role.VIEWER), () -> 1)).code());
        assertThrows(Conflict.class, () -> admin.disable(() -> 1));
        // with no role at all the last-admin conflict still comes first (409 rather than 400)
        assertThrows(Conflict.class, () -> admin.changeRoles(Set.of(), () -> 1));
        assertEquals(UserStatus.DISABLED, admin.disable(() -> 2).orElseThrow().after().status());
    }

    @Test
    void administrators_are_counted_only_when_the_rule_applies() {
        admin.changeRoles(Set.of(Role.ADMIN, Role.EDITOR), this::count);
        admin.enable();
        var editor = admin.changeRoles(Set.of(Role.EDITOR), () -> 2).orElseThrow().after();
        editor.disable(this::count);
        assertEquals(0, asked.get());
    }

    @Test
    void a_change_that_changes_nothing_is_no_event() {
        assertTrue(admin.changeRoles(Set.of(Role.ADMIN), this::count).isEmpty());
        assertTrue(admin.enable().isEmpty());
        var disabled = admin.disable(() -> 2).orElseThrow().after();
        assertTrue(disabled.disable(this::count).isEmpty());
    }

    @Test
    void a_role_change_is_one_event_with_the_roles_granted_and_revoked() {
        var change = admin.changeRoles(Set.of(Role.EDITOR, Role.VIEWER), () -> 2).orElseThrow();
        assertEquals(UserAction.ROLES_CHANGED, change.action());
        assertEquals(Set.of(Role.EDITOR, Role.VIEWER), change.granted());
        assertEquals(Set.of(Role.ADMIN), change.revoked());
        assertEquals(admin, change.before());
    }

    @Test
    void users_need_a_role_and_passwords_end_sessions() {
        assertThrows(InvalidInput.class, () -> User.register(UUID.randomUUID(), new Email("x@example.com"), null,
                "hash", Set.of(), Set.of(), Instant.EPOCH));
        var reset = admin.replacePassword("other", false);
        assertEquals(UserAction.PASSWORD_RESET, reset.action());
        assertEquals("other", reset.after().passwordHash());
        assertTrue(reset.action().endsSessions());
        assertTrue(admin.disable(() -> 2).orElseThrow().action().endsSessions());
        assertEquals(UserAction.PASSWORD_CHANGED, admin.replacePassword("mine", true).action());
    }

    private long count() {
        asked.incrementAndGet();
        return 5;
    }
}
