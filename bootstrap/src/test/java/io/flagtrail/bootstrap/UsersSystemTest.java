package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.PASSWORD;
import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Role;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The users admin API and /me over HTTP: every change recorded, old tokens refused at once, passwords checked. */
@SystemTest
class UsersSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    UsersSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void an_admin_creates_a_user_who_logs_in_and_reads_their_profile() {
        String email = "new-" + UUID.randomUUID() + "@Example.com";
        var created = createUser(email, List.of("editor"), "a long enough passphrase");
        assertEquals(201, created.status(), created.raw().body());
        assertEquals(List.of("EDITOR"), created.json().get("roles"));

        String token = system.loginTokens(email.toLowerCase(), "a long enough passphrase").get("accessToken");
        var me = api.send("GET", "/api/v1/me", token, null);

        assertEquals(email, me.json().get("email"));
        assertProblem(createUser(email.toUpperCase(), List.of("VIEWER"), "another long passphrase"), 409,
                "user.email_taken");
        var entries = api.send("GET", "/api/v1/audit?action=USER_CREATED&subjectId=" + created.json().get("id"), admin, null);
        assertTrue(!entries.raw().body().contains("passphrase"), "no password in the trail");
    }

    @Test
    void weak_short_and_block_listed_passwords_are_refused_naming_the_field_and_64_characters_are_fine() {
        assertProblem(createUser("a-" + UUID.randomUUID() + "@example.com", List.of("VIEWER"), "short"), 400,
                "validation.failed");
        var listed = createUser("b-" + UUID.randomUUID() + "@example.com", List.of("VIEWER"), "123456789012");
        assertProblem(listed, 400, "validation.failed");
        assertTrue(listed.raw().body().contains("password"), listed.raw().body());
        String longOne = "x".repeat(40) + " Ünïcode 🔐 passphrase ok";
        var created = createUser("c-" + UUID.randomUUID() + "@example.com", List.of("VIEWER"), longOne);
        assertEquals(201, created.status(), created.raw().body());
        var login = api.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + created.json().get("email") + "\",\"password\":\"" + longOne + "\"}");
        assertEquals(200, login.status(), "the long password is used whole, never truncated");
        var truncated = api.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + created.json().get("email") + "\",\"password\":\"" + longOne.substring(0, 60) + "\"}");
        assertEquals(401, truncated.status());
    }

    @Test
    void disabling_or_changing_roles_through_the_api_refuses_the_old_token_next_time_and_is_recorded() {
        String email = "managed-" + UUID.randomUUID() + "@example.com";
        String id = (String) createUser(email, List.of("EDITOR"), PASSWORD + "-x").json().get("id");
        String token = system.loginTokens(email, PASSWORD + "-x").get("accessToken");

        var demoted = api.send("PUT", "/api/v1/users/" + id + "/roles", admin, "{\"roles\":[\"VIEWER\"]}");
        assertEquals(List.of("VIEWER"), demoted.json().get("roles"));
        assertProblem(api.send("GET", "/api/v1/features", token, null), 401, "auth.session_ended");

        String fresh = system.loginTokens(email, PASSWORD + "-x").get("accessToken");
        api.send("POST", "/api/v1/users/" + id + "/disable", admin, null);
        assertProblem(api.send("GET", "/api/v1/features", fresh, null), 401, "auth.session_ended");
        assertEquals(401, api.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "-x\"}").status());
        api.send("POST", "/api/v1/users/" + id + "/enable", admin, null);

        var trail = api.send("GET", "/api/v1/audit?subjectType=user&subjectId=" + id, admin, null).items();
        var actions = trail.stream().map(e -> e.get("action")).toList();
        assertTrue(actions.containsAll(List.of("USER_ENABLED", "USER_DISABLED", "ROLE_GRANTED", "ROLE_REVOKED",
                "USER_CREATED")), actions.toString());
        var revoked = trail.stream().filter(e -> "ROLE_REVOKED".equals(e.get("action"))).findFirst().orElseThrow();
        assertEquals(List.of("EDITOR"), map(revoked, "before").get("roles"));
        assertEquals(List.of("VIEWER"), map(revoked, "after").get("roles"));
    }

    @Test
    void changing_ones_password_needs_the_current_one_and_ends_every_session() {
        String email = "mine-" + UUID.randomUUID() + "@example.com";
        createUser(email, List.of("VIEWER"), PASSWORD + "-y");
        var tokens = system.loginTokens(email, PASSWORD + "-y");

        assertProblem(api.send("POST", "/api/v1/me/password", tokens.get("accessToken"),
                "{\"currentPassword\":\"wrong-one-entirely\",\"newPassword\":\"a brand new passphrase\"}"), 400,
                "validation.failed");
        assertEquals(200, api.send("POST", "/api/v1/me/password", tokens.get("accessToken"),
                "{\"currentPassword\":\"" + PASSWORD + "-y\",\"newPassword\":\"a brand new passphrase\"}").status());

        assertProblem(api.send("GET", "/api/v1/me", tokens.get("accessToken"), null), 401, "auth.session_ended");
        assertEquals(200, api.send("GET", "/api/v1/me", system.loginTokens(email, "a brand new passphrase").get("accessToken"),
                null).status());
    }

    @Test
    void the_last_active_admin_cannot_lose_the_role_or_be_disabled_and_only_admins_manage_users() {
        var me = api.send("GET", "/api/v1/me", admin, null);
        String adminId = (String) me.json().get("id");
        long admins = api.send("GET", "/api/v1/users?limit=500", admin, null).items().stream()
                .filter(u -> ((List<?>) u.get("roles")).contains("ADMIN") && "ACTIVE".equals(u.get("status"))).count();
        if (admins == 1) {
            assertProblem(api.send("PUT", "/api/v1/users/" + adminId + "/roles", admin, "{\"roles\":[\"VIEWER\"]}"), 409,
                    "user.last_admin");
            assertProblem(api.send("POST", "/api/v1/users/" + adminId + "/disable", admin, null), 409, "user.last_admin");
        }
        String editor = system.userWith(Role.EDITOR);
        assertEquals(403, api.send("GET", "/api/v1/users", editor, null).status());
        assertEquals(401, api.send("GET", "/api/v1/me", null, null).status());
    }

    Api.Reply createUser(String email, List<String> roles, String password) {
        return api.send("POST", "/api/v1/users", admin, "{\"email\":\"" + email + "\",\"roles\":"
                + roles.stream().map(r -> "\"" + r + "\"").toList() + ",\"password\":\"" + password + "\"}");
    }
}
