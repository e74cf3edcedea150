package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Login protection over HTTP, with small limits of its own: a locked account, then a throttled address. */
@MicronautTest(transactional = false)
class LoginProtectionSystemTest extends OwnServerSystemTest {

    @Override
    Map<String, String> settings() {
        return Map.of("flagtrail.security.login.max-account-failures", "3",
                "flagtrail.security.login.max-address-failures", "6");
    }

    @Test
    void a_locked_account_answers_like_a_wrong_password_and_a_throttled_address_gets_429_with_retry_after() {
        var api = api();
        String email = addUser("locked", Role.VIEWER);

        for (int i = 0; i < 3; i++) {
            assertEquals(401, login(api, email, "wrong-password-" + i).status());
        }
        var locked = login(api, email, PASSWORD);
        var wrong = login(api, "nobody-" + UUID.randomUUID() + "@example.com", "whatever-it-is");

        assertEquals(401, locked.status());
        assertEquals(wrong.json().get("code"), locked.json().get("code"));
        assertEquals(wrong.json().get("detail"), locked.json().get("detail"));

        for (int i = 0; i < 3; i++) {
            login(api, "other-" + i + "@example.com", "wrong");
        }
        var throttled = login(api, email, PASSWORD);
        assertEquals(429, throttled.status(), throttled.raw().body());
        assertEquals("auth.too_many_attempts", throttled.json().get("code"));
        assertTrue(Integer.parseInt(throttled.header("Retry-After")) > 0);
    }

    private static Api.Reply login(Api api, String email, String password) {
        return api.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }
}
