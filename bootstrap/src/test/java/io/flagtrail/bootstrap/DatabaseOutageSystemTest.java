package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TcpProxy;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running service and comes back: the service reaches it through a TCP proxy that
 * the test cuts (every connection reset, new ones refused) and restores. While it is down readiness is DOWN (503)
 * and requests that need the database get 503 problem+json within the connection timeout, never a hang or a 500;
 * liveness stays UP (restarting would not help); flag evaluation with an API key read before the outage goes on
 * (the snapshot is in memory, the key is kept); after it returns everything works again without a restart.
 */
class DatabaseOutageSystemTest {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/:]+)(?::(\\d+))?/");

    @Test
    void readiness_and_requests_answer_503_while_the_database_is_down_and_recover_when_it_returns() throws Exception {
        var database = TestDatabase.postgres();
        var m = HOST_PORT.matcher(database.url());
        assertTrue(m.find(), database.url());
        try (var proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)))) {
            var properties = new HashMap<String, Object>(StandaloneProperties.on(database));
            properties.put("datasources.default.url", m.replaceFirst("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/"));
            properties.put("datasources.default.connection-timeout", "1500");
            try (var server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                var api = new Api(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
                String admin = api.login("admin@flagtrail.local", (String) properties.get("flagtrail.admin.password"));
                assertEquals(201, api.send("POST", "/api/v1/features", admin, "{\"key\":\"outage\",\"name\":\"Outage\"}").status());
                String sdkKey = (String) api.send("POST", "/api/v1/api-keys", admin,
                        "{\"name\":\"sdk\",\"scopes\":[\"evaluate\"]}").json().get("secret");
                String unusedKey = (String) api.send("POST", "/api/v1/api-keys", admin,
                        "{\"name\":\"unused\",\"scopes\":[\"evaluate\"]}").json().get("secret");
                server.getApplicationContext().getBean(EvaluateFlagsUseCase.class).refresh();
                assertEquals(200, evaluate(api, sdkKey).status(), "the key is read and kept");
                assertEquals(200, api.send("GET", "/health/readiness", null, null).status());

                proxy.cut();

                Poll.until(Duration.ofSeconds(15), "readiness to go DOWN",
                        () -> api.send("GET", "/health/readiness", null, null), r -> r.status() == 503);
                assertEquals(200, api.send("GET", "/health/liveness", null, null).status(), "liveness stays UP");
                var started = Instant.now();
                var read = api.send("GET", "/api/v1/features/outage", admin, null);
                var write = api.send("POST", "/api/v1/features/outage/enable", admin, null);
                long tookMs = Duration.between(started, Instant.now()).toMillis();
                for (var reply : java.util.List.of(read, write)) {
                    assertEquals(503, reply.status(), reply.raw().body());
                    assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
                    assertEquals("service.unavailable", reply.json().get("code"));
                    assertEquals("5", reply.header("Retry-After"), "as docs/operations.md says");
                    assertFalse(reply.raw().body().contains("Exception"), reply.raw().body());
                }
                assertTrue(tookMs < 15_000, "answered, not hung: " + tookMs + " ms for two requests");
                var evaluated = evaluate(api, sdkKey);
                assertEquals(200, evaluated.status(), "evaluation rides out the outage: " + evaluated.raw().body());
                assertTrue(evaluated.raw().body().contains("\"value\":false"), evaluated.raw().body());
                assertEquals(503, evaluate(api, unusedKey).status(), "a key never read cannot be checked");

                proxy.restore();

                Poll.until(Duration.ofSeconds(20), "readiness to come back UP",
                        () -> api.send("GET", "/health/readiness", null, null), r -> r.status() == 200);
                var enabled = api.send("POST", "/api/v1/features/outage/enable", admin, null);
                assertEquals(200, enabled.status(), enabled.raw().body());
                assertEquals(true, enabled.json().get("enabled"));
                assertEquals(2, ((Number) enabled.json().get("version")).intValue(), "the refused write left nothing behind");
            }
        }
    }

    private static Api.Reply evaluate(Api api, String key) {
        return api.send("POST", "/ofrep/v1/evaluate/flags/outage", null, "{\"context\":{}}", "X-API-Key", key);
    }
}
