package io.flagtrail.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;

class LoggingTest {

    static final List<String> SECRETS = List.of("hunter2-hunter2", "s3cr3t-value", "ft_abcdefghijklmnop1234", "ftr_qrstuvwxyz0123456789",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "session-cookie-value");
    static final String FORGED = "\r\n{\"level\":\"INFO\",\"message\":\"forged\"}\n2026-01-01T00:00:00.000Z INFO forged";

    @TempDir Path dir;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void every_json_line_is_one_object_with_the_fields_an_operator_needs() throws IOException {
        var file = dir.resolve("app.log");
        var context = configure(Map.of("LOG_FORMAT", "json", "LOG_OUTPUT", "file", "LOG_FILE_PATH", file.toString()));
        var log = context.getLogger("io.flagtrail.test");
        MDC.put("requestId", "req-1");
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put("actorId", "user-7");
        try {
            new Slf4jAppLoggerProbe(log).info("feature changed", "key", "checkout", "version", 2);
            log.warn("plain message");
        } finally {
            MDC.clear();
        }
        context.stop();

        var lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        for (var line : lines) {
            var fields = json.readValue(line, Map.class);
            assertTrue(((String) fields.get("timestamp")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                    line);
            assertEquals("io.flagtrail.test", fields.get("logger"));
            assertEquals("req-1", fields.get("requestId"));
            assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", fields.get("traceId"));
            assertEquals("user-7", fields.get("actorId"));
            assertTrue(fields.containsKey("level") && fields.containsKey("message"));
        }
        var first = json.readValue(lines.getFirst(), Map.class);
        assertEquals("feature changed", first.get("message"));
        assertEquals("checkout", first.get("key"));
    }

    @Test
    void hostile_values_forge_no_json_line_and_leak_no_secret() throws IOException {
        var file = dir.resolve("hostile.log");
        var context = configure(Map.of("LOG_FORMAT", "json", "LOG_OUTPUT", "file", "LOG_FILE_PATH", file.toString()));
        int events = logHostile(context);
        context.stop();

        var lines = Files.readAllLines(file);
        assertEquals(events, lines.size(), "one line per event, whatever the input");
        for (var line : lines) {
            json.readValue(line, Map.class);
            SECRETS.forEach(secret -> assertFalse(line.contains(secret), "leaked " + secret + " in " + line));
        }
    }

    @Test
    void hostile_values_forge_no_text_line_and_leak_no_secret() throws IOException {
        var file = dir.resolve("hostile.txt");
        var context = configure(Map.of("LOG_OUTPUT", "file", "LOG_FILE_PATH", file.toString()));
        int events = logHostile(context);
        context.stop();

        // Each event is one line starting with its timestamp; only a stack trace continues it, on indented lines.
        var lines = Files.readAllLines(file);
        var starts = lines.stream().filter(l -> !l.startsWith("\t")).toList();
        assertEquals(events, starts.size(), String.join("\n", lines));
        for (var line : starts) {
            assertTrue(line.matches("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (DEBUG|INFO |WARN |ERROR) .*"), line);
        }
        for (var line : lines) {
            SECRETS.forEach(secret -> assertFalse(line.contains(secret), "leaked " + secret + " in " + line));
        }
    }

    @Test
    void file_output_rotates_at_the_configured_size_and_keeps_the_configured_archives() throws IOException {
        var file = dir.resolve("rolling.log");
        var context = configure(Map.of("LOG_OUTPUT", "file", "LOG_FILE_PATH", file.toString(), "LOG_MAX_SIZE", "2KB",
                "LOG_MAX_FILES", "3"));
        var log = context.getLogger("io.flagtrail.rotation");
        for (int i = 0; i < 400; i++) {
            log.info("line {} {}", i, "x".repeat(100));
        }
        context.stop();

        try (Stream<Path> files = Files.list(dir)) {
            var names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("rolling.log", "rolling.log.1", "rolling.log.2", "rolling.log.3"), names);
        }
        for (var archive : List.of("rolling.log.1", "rolling.log.2", "rolling.log.3")) {
            long size = Files.size(dir.resolve(archive));
            assertTrue(size >= 2048 && size < 2048 + 400, archive + " is " + size + " bytes");
        }
        assertTrue(Files.readString(file).contains("line 399"));
    }

    @Test
    void disabled_logging_writes_nothing() throws IOException {
        var file = dir.resolve("off.log");
        var context = configure(Map.of("LOG_ENABLED", "false", "LOG_OUTPUT", "file", "LOG_FILE_PATH", file.toString()));
        context.getLogger("io.flagtrail").error("not written");
        context.stop();

        assertFalse(Files.exists(file) && Files.size(file) > 0);
    }

    @Test
    void levels_follow_the_seed_names_and_per_package_settings() {
        var context = configure(Map.of("LOG_LEVEL", "WARNING", "LOG_LEVELS", "io.flagtrail.db=DEBUG,io.noisy=CRITICAL"));
        assertFalse(context.getLogger("io.other").isInfoEnabled());
        assertTrue(context.getLogger("io.other").isWarnEnabled());
        assertTrue(context.getLogger("io.flagtrail.db.x").isDebugEnabled());
        assertFalse(context.getLogger("io.noisy").isWarnEnabled());
        context.stop();
    }

    @Test
    void a_wrong_setting_is_refused_naming_the_variable() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> LogSettings.from(Map.of("LOG_LEVEL", "LOUD", "LOG_FORMAT", "xml", "LOG_MAX_SIZE", "huge")));
        assertTrue(error.getMessage().contains("LOG_LEVEL"));
        assertTrue(error.getMessage().contains("LOG_FORMAT"));
        assertTrue(error.getMessage().contains("LOG_MAX_SIZE"));
    }

    private int logHostile(LoggerContext context) {
        var log = context.getLogger("io.flagtrail.hostile");
        var app = new Slf4jAppLoggerProbe(log);
        log.info("login by {}", "mallory" + FORGED);
        log.info("Authorization: Bearer " + SECRETS.get(3) + " password=" + SECRETS.get(0));
        app.info("user" + FORGED, "password", SECRETS.get(0), "secret", SECRETS.get(1), "apiKey", SECRETS.get(2),
                "token", SECRETS.get(3), "cookie", SECRETS.get(4), "note", "key " + SECRETS.get(2) + FORGED);
        log.warn("request failed", new IllegalStateException("bad input" + FORGED + " token=" + SECRETS.get(1)));
        log.error("a\u0000b\u001bc\u2028d");
        return 5;
    }

    private LoggerContext configure(Map<String, String> env) {
        // The MDC the code under test writes to is the application's one; share it with the context under test.
        var context = new LoggerContext();
        context.setMDCAdapter(((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory()).getMDCAdapter());
        context.start();
        LogbackSetup.apply(context, LogSettings.from(new HashMap<>(env)));
        return context;
    }

    /** The production AppLogger writing to a given logger, as it does to the application's one. */
    static final class Slf4jAppLoggerProbe {
        private final org.slf4j.Logger log;

        Slf4jAppLoggerProbe(org.slf4j.Logger log) {
            this.log = log;
        }

        void info(String message, Object... keyValues) {
            Slf4jAppLogger.log(log.atInfo(), message, keyValues);
        }
    }
}
