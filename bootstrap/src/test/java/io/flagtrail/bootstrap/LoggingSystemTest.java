package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.logging.FlagtrailLogbackConfigurator;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The log as an operator reads it: JSON lines, request context on each, no forged line, no secret. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoggingSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a-long-admin-password";
    static final String FORGED = "\r\n{\"level\":\"ERROR\",\"message\":\"forged\"}\r\n2026-01-01T00:00:00.000Z ERROR forged";
    static final String API_KEY = "ft_live_0123456789abcdefghij";
    static final String FAKE_JWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlLXZhbHVl";
    static final String COOKIE = "session-cookie-secret-value";

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    final TestDatabase.Target database = TestDatabase.h2();
    Path logFile;
    Api api;
    String admin;

    @Override
    public Map<String, String> getProperties() {
        var props = new HashMap<String, String>();
        database.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("flagtrail.admin.email", "admin@example.com");
        props.put("flagtrail.admin.password", PASSWORD);
        props.put("micronaut.server.port", "-1");
        props.put("flagtrail.http.access-log", "true");
        return props;
    }

    @BeforeAll
    void logToAJsonFile() throws IOException {
        logFile = Files.createTempDirectory("flagtrail-log").resolve("flagtrail.log");
        FlagtrailLogbackConfigurator.reconfigure(Map.of("LOG_FORMAT", "json", "LOG_OUTPUT", "file",
                "LOG_FILE_PATH", logFile.toString(), "LOG_LEVEL", "DEBUG", "LOG_LEVELS", "io.netty=INFO,io.micronaut=INFO,io.micronaut.security=TRACE,io.micronaut.http.server=DEBUG,io.micronaut.data=DEBUG"));
        api = new Api(server.getURI(), json);
        admin = api.login("admin@example.com", PASSWORD);
    }

    @AfterAll
    void logAsBefore() {
        FlagtrailLogbackConfigurator.reconfigure(System.getenv());
    }

    @Test
    void hostile_input_through_every_entry_point_forges_no_line_and_leaks_no_secret() throws IOException {
        String key = "log-" + System.nanoTime();
        String hostile = "x" + FORGED + " password=" + PASSWORD + " Bearer " + FAKE_JWT + " " + API_KEY;
        String q = URLEncoder.encode(hostile, StandardCharsets.UTF_8);
        String[] headers = {"X-Request-Id", "evil\" id", "traceparent", "00-" + "a".repeat(32) + "-" + "b".repeat(16) + "-01",
                "X-API-Key", API_KEY, "Cookie", "session=" + COOKIE, "User-Agent", "agent" + FORGED.replace("\r\n", " ")};
        api.send("POST", "/api/v1/auth/login", null, "{\"email\":\"" + escape(hostile) + "\",\"password\":\"" + PASSWORD + "x\"}", headers);
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"" + escape(hostile) + "\"}", headers);
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"ok\",\"reason\":\"" + escape(hostile) + "\"}", headers);
        api.send("PATCH", "/api/v1/features/" + key, admin, "{\"description\":\"" + escape(hostile) + "\",\"bogus\":\"" + escape(hostile) + "\"}", headers);
        api.send("PATCH", "/api/v1/features/" + key, admin, "{\"description\":\"" + escape(hostile) + "\"}", headers);
        for (var action : List.of("/enable", "/disable", "/restore")) {
            api.send("POST", "/api/v1/features/" + key + action, admin, "{\"reason\":\"" + escape(hostile) + "\"}", headers);
        }
        api.send("DELETE", "/api/v1/features/" + key, admin, null, "X-Change-Reason", "retired " + API_KEY);
        api.send("GET", "/api/v1/features?q=" + q + "&tag=" + q + "&cursor=" + q, admin, null, headers);
        api.send("GET", "/api/v1/features/" + key + "?asOf=" + q, admin, null, headers);
        api.send("GET", "/api/v1/features/" + key + "/history?cursor=" + q, admin, null, headers);
        api.send("GET", "/api/v1/audit?actorId=" + q + "&from=" + q, admin, null, headers);
        api.send("GET", "/api/v1/audit/export?format=" + q, admin, null, headers);
        api.send("POST", "/api/v1/audit/verify", admin, "{\"from\":\"" + escape(hostile) + "\"}", headers);
        api.send("GET", "/api/v1/features?token=" + API_KEY + "&api_key=" + API_KEY, "Bearer-" + FAKE_JWT, null, headers);
        api.send("GET", "/api/v1/nothing/" + q, admin, null, headers);

        var lines = Files.readAllLines(logFile);
        assertTrue(lines.size() > 20, "expected the requests to be logged, got " + lines.size() + " lines");
        var secrets = List.of(PASSWORD, FAKE_JWT, API_KEY, COOKIE, admin);
        for (var line : lines) {
            var fields = json.readValue(line, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
            assertTrue(fields.containsKey("timestamp") && fields.containsKey("level") && fields.containsKey("logger")
                    && fields.containsKey("message"), line);
            assertFalse(String.valueOf(fields.get("message")).startsWith("forged"), "forged line: " + line);
            for (var secret : secrets) {
                assertFalse(line.contains(secret), "a secret reached the log: " + line);
            }
        }
    }

    @Test
    void request_lines_carry_the_request_id_and_the_actor() throws IOException, InterruptedException {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"ctx-" + System.nanoTime() + "\",\"name\":\"N\"}",
                "X-Request-Id", "ctx-request-1", "traceparent", "00-" + "c".repeat(32) + "-" + "d".repeat(16) + "-01");

        var lines = Files.readAllLines(logFile).stream().filter(l -> l.contains("ctx-request-1")).toList();
        assertFalse(lines.isEmpty());
        var changed = lines.stream().filter(l -> l.contains("feature changed")).findFirst().orElseThrow();
        var fields = json.readValue(changed, io.micronaut.core.type.Argument.mapOf(String.class, Object.class));
        assertEquals("ctx-request-1", fields.get("requestId"));
        assertEquals("c".repeat(32), fields.get("traceId"));
        assertTrue(String.valueOf(fields.get("actorId")).matches("[0-9a-f-]{36}"), changed);
        // The access line is written once the response has gone out, on another thread.
        Poll.until(Duration.ofSeconds(10), "an access log line for the request", () -> logLines().stream()
                .anyMatch(l -> l.contains("HTTP_ACCESS_LOGGER") && l.contains("POST /api/v1/features 201 ")
                        && l.contains("request=ctx-request-1")));
    }

    @Test
    void an_admin_changes_a_level_at_runtime_and_nobody_else_can() {
        var logger = LoggerFactory.getLogger("io.flagtrail.runtime.level");
        String body = "{\"configuredLevel\":\"TRACE\"}";

        assertEquals(401, api.send("POST", "/loggers/io.flagtrail.runtime.level", null, body).status());
        assertFalse(logger.isTraceEnabled());
        assertEquals(200, api.send("POST", "/loggers/io.flagtrail.runtime.level", admin, body).status());
        assertTrue(logger.isTraceEnabled(), "the level took effect without a restart");
        assertEquals(200, api.send("GET", "/loggers/io.flagtrail.runtime.level", admin, null).status());
    }

    private List<String> logLines() {
        try {
            return Files.readAllLines(logFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r").replace("\n", "\\n");
    }
}
