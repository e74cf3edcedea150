package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.PASSWORD;
import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions over HTTP: refresh rotation and reuse, logout, and changes to the user that end old tokens at once. */
@SystemTest
class SessionSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    SessionSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void a_refresh_token_is_spent_once_and_a_second_use_ends_the_session() {
        var tokens = loginTokens(newUser(Role.VIEWER));
        var refreshed = refresh(tokens.get("refreshToken"));
        assertEquals(200, refreshed.status(), refreshed.raw().body());
        assertNotEquals(tokens.get("refreshToken"), refreshed.json().get("refreshToken"));
        String newAccess = (String) refreshed.json().get("accessToken");
        assertEquals(200, api.send("GET", "/api/v1/features", newAccess, null).status());

        assertProblem(refresh(tokens.get("refreshToken")), 401, "auth.invalid_refresh_token");

        assertProblem(api.send("GET", "/api/v1/features", newAccess, null), 401, "auth.session_ended");
        assertProblem(refresh((String) refreshed.json().get("refreshToken")), 401, "auth.invalid_refresh_token");
    }

    @Test
    void after_logout_the_old_access_token_is_refused_on_the_next_request() {
        var tokens = loginTokens(newUser(Role.VIEWER));
        String access = tokens.get("accessToken");
        assertEquals(200, api.send("GET", "/api/v1/features", access, null).status());

        assertEquals(204, api.send("POST", "/api/v1/auth/logout", access, null).status());

        assertProblem(api.send("GET", "/api/v1/features", access, null), 401, "auth.session_ended");
        assertProblem(refresh(tokens.get("refreshToken")), 401, "auth.invalid_refresh_token");
    }

    @Test
    void a_user_disabled_or_demoted_in_the_database_by_hand_is_refused_once_the_kept_standing_expires() {
        String disabled = newUser(Role.EDITOR);
        String demoted = newUser(Role.EDITOR);
        String disabledToken = loginTokens(disabled).get("accessToken");
        String demotedToken = loginTokens(demoted).get("accessToken");
        assertEquals(200, api.send("GET", "/api/v1/features", disabledToken, null).status());
        assertEquals(200, api.send("GET", "/api/v1/features", demotedToken, null).status());

        TestDatabase.execute(system.database(), "UPDATE users SET status = 'DISABLED' WHERE email_normalized = '" + disabled + "'");
        TestDatabase.execute(system.database(), "UPDATE users SET roles = 'VIEWER' WHERE email_normalized = '" + demoted + "'");

        // Nothing is announced for an edit around the service (changes through it are refused on the very next
        // request: UsersSystemTest); a kept standing is read again after session-memory at the latest.
        var bound = SystemServer.SESSION_MEMORY.plusSeconds(5);
        Poll.until(bound, "the disabled user's token to be refused",
                () -> api.send("GET", "/api/v1/features", disabledToken, null), reply -> reply.status() == 401);
        Poll.until(bound, "the demoted user's token to be refused",
                () -> api.send("GET", "/api/v1/features", demotedToken, null), reply -> reply.status() == 401);
        assertProblem(api.send("GET", "/api/v1/features", disabledToken, null), 401, "auth.session_ended");
        assertProblem(api.send("GET", "/api/v1/features", demotedToken, null), 401, "auth.session_ended");
        assertEquals(200, api.send("GET", "/api/v1/features", loginTokens(demoted).get("accessToken"), null).status(),
                "a new login carries the new roles");
    }

    @Test
    void logins_refreshes_and_logouts_are_in_the_ledger_without_any_secret() {
        String email = newUser(Role.VIEWER);
        var tokens = loginTokens(email);
        var refreshed = refresh(tokens.get("refreshToken"));
        api.send("POST", "/api/v1/auth/logout", (String) refreshed.json().get("accessToken"), null);

        var entries = api.send("GET", "/api/v1/audit?category=SECURITY&limit=50", admin, null);
        var body = entries.raw().body();
        assertTrue(body.contains("LOGIN_SUCCEEDED") && body.contains("TOKEN_REFRESHED") && body.contains("LOGOUT"), body);
        assertTrue(!body.contains(tokens.get("refreshToken")) && !body.contains(PASSWORD)
                && !body.contains(tokens.get("accessToken")), "no secret in the trail");
    }

    String newUser(Role role) {
        return system.addUser("session", role);
    }

    Map<String, String> loginTokens(String email) {
        return system.loginTokens(email, PASSWORD);
    }

    Api.Reply refresh(String refreshToken) {
        return api.send("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }
}
