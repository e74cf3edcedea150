package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** AUTH_METHOD=session: HttpOnly, Secure, SameSite cookies for browsers, and changes that need the CSRF token. */
@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class CookieSessionSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a-long-user-password";

    @Inject EmbeddedServer server;
    @Inject Users users;
    @Inject PasswordHasher hasher;
    final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        var props = StandaloneProperties.on(TestDatabase.h2());
        props.put("flagtrail.auth.method", "session");
        return props;
    }

    @Test
    void login_sets_secure_cookies_that_read_without_a_header_and_changes_need_the_csrf_token() throws Exception {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        users.add(new User(UUID.randomUUID(), new Email(email), "Browser", hasher.hash(PASSWORD.toCharArray()),
                Set.of(Role.EDITOR), Set.of(), UserStatus.ACTIVE, Instant.now(), null));

        var login = send("POST", "/api/v1/auth/login", Map.of(), "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        var setCookies = login.headers().allValues("Set-Cookie");
        Map<String, String> cookies = setCookies.stream().map(c -> c.substring(0, c.indexOf(';')).split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));

        assertEquals(200, login.statusCode());
        assertFalse(login.body().contains(cookies.get("FLAGTRAIL_SESSION")) || login.body().contains("\"accessToken\":\"")
                || login.body().contains("\"refreshToken\":\""), "no token in the body: " + login.body());
        assertTrue(login.body().contains("\"tokenType\":\"Cookie\""), login.body());
        assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
        for (var name : List.of("FLAGTRAIL_SESSION", "FLAGTRAIL_REFRESH")) {
            String header = setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
            String flags = header.toLowerCase();
            assertTrue(flags.contains("httponly") && flags.contains("secure") && flags.contains("samesite=strict"), header);
        }
        String cookieHeader = "FLAGTRAIL_SESSION=" + cookies.get("FLAGTRAIL_SESSION") + "; FLAGTRAIL_CSRF="
                + cookies.get("FLAGTRAIL_CSRF");
        assertEquals(200, send("GET", "/api/v1/features", Map.of("Cookie", cookieHeader), null).statusCode());

        String key = "cookie-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"key\":\"" + key + "\",\"name\":\"From a browser\"}";
        var forged = send("POST", "/api/v1/features", Map.of("Cookie", cookieHeader), body);
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("auth.csrf"));
        var wrong = send("POST", "/api/v1/features", Map.of("Cookie", cookieHeader, "X-CSRF-Token", "guess"), body);
        assertEquals(403, wrong.statusCode());
        var garbageHeader = send("POST", "/api/v1/features", Map.of("Cookie", cookieHeader,
                "Authorization", "Basic Z2FyYmFnZQ=="), body);
        assertEquals(403, garbageHeader.statusCode(), "an Authorization header that authenticates nothing does not lift "
                + "the check: " + garbageHeader.body());
        var planted = send("POST", "/api/v1/features", Map.of("Cookie", "FLAGTRAIL_SESSION=" + cookies.get("FLAGTRAIL_SESSION")
                + "; FLAGTRAIL_CSRF=attacker-chosen", "X-CSRF-Token", "attacker-chosen"), body);
        assertEquals(403, planted.statusCode(), "a double-submitted value of the attacker's choice is not the session's");
        var good = send("POST", "/api/v1/features", Map.of("Cookie", cookieHeader,
                "X-CSRF-Token", cookies.get("FLAGTRAIL_CSRF")), body);
        assertEquals(201, good.statusCode(), good.body());

        var refreshed = send("POST", "/api/v1/auth/refresh", Map.of("Cookie", "FLAGTRAIL_REFRESH="
                + cookies.get("FLAGTRAIL_REFRESH") + "; FLAGTRAIL_CSRF=" + cookies.get("FLAGTRAIL_CSRF"),
                "X-CSRF-Token", cookies.get("FLAGTRAIL_CSRF")), null);
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        var logout = send("POST", "/api/v1/auth/logout", Map.of("Cookie", cookieHeader,
                "X-CSRF-Token", cookies.get("FLAGTRAIL_CSRF")), null);
        assertEquals(204, logout.statusCode(), logout.body());
        assertTrue(logout.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("FLAGTRAIL_SESSION=;")
                || c.contains("Max-Age=0")), "logout clears the cookies");
        assertEquals(401, send("GET", "/api/v1/features", Map.of("Cookie", cookieHeader), null).statusCode());
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(server.getURI() + path));
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
