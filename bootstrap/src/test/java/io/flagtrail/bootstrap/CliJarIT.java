package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI end to end through the built jar ({@code java -jar target/flagtrail.jar …}), as a user runs it, on the
 * embedded H2 default and on PostgreSQL: a change, its audit entry with actor type CLI, and refused input.
 */
class CliJarIT {

    record Result(int exit, String out, String err) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void the_jar_runs_commands_audits_them_and_refuses_bad_input(String database) throws Exception {
        var dir = Files.createTempDirectory("flagtrail-jar-");
        var env = new ArrayList<String>();
        if (database.equals("POSTGRES")) {
            var target = TestDatabase.postgres();
            env.addAll(List.of("DATABASE_URL=" + target.url(), "DATABASE_USER=" + target.user(),
                    "DATABASE_PASSWORD=" + target.password()));
        }
        String key = "jar-" + UUID.randomUUID().toString().substring(0, 8);

        var created = run(dir, env, "features", "create", "--key", key, "--name", "From the jar", "--reason", "e2e");
        var history = run(dir, env, "features", "history", key, "--format", "text");
        Files.writeString(dir.resolve("bad.json"), "{\"key\":\"" + key + "-2\",\"name\":\"N\",\"rollout\":5}");
        var refused = run(dir, env, "features", "create", "-f", "bad.json");
        var verified = run(dir, env, "audit", "verify");

        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().startsWith("{\"key\":\"" + key + "\""), created.out());
        assertTrue(history.out().contains("actor: cli:" + System.getProperty("user.name")), history.out());
        assertTrue(history.out().contains("channel: CLI"), history.out());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("unknown field 'rollout'"), refused.err());
        assertEquals("", refused.out());
        assertEquals(0, verified.exit(), verified.out() + verified.err());
    }

    private static Result run(Path dir, List<String> env, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(Path.of("target", "flagtrail.jar").toAbsolutePath().toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("DATABASE_URL");
        env.forEach(assignment -> {
            var parts = assignment.split("=", 2);
            builder.environment().put(parts[0], parts[1]);
        });
        var errors = Files.createTempFile(dir, "stderr", ".txt");
        builder.redirectError(errors.toFile());
        var process = builder.start();
        var out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the jar did not finish: " + String.join(" ", args));
        }
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8), Files.readString(errors));
    }
}
