package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The distribution archive as an operator uses it: unpacked into an empty directory and started with its launch
 * script, with no java on the PATH and no JAVA_HOME (the PATH holds only {@code dirname}, which the script needs),
 * on the embedded database. It must become ready, serve the API, stop on SIGTERM (writing its class-data archive),
 * and start again using that archive.
 */
class DistributionIT {

    @Test
    void the_archive_unpacks_and_starts_with_no_jdk_on_the_path() throws Exception {
        var archive = Path.of("target", "flagtrail-linux-x64.tar.gz").toAbsolutePath();
        assertTrue(Files.isRegularFile(archive), "the build makes " + archive);
        var dir = Files.createTempDirectory("flagtrail-dist-");
        var untar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        assertEquals(0, untar.waitFor());
        var home = dir.resolve("flagtrail");
        assertTrue(Files.isExecutable(home.resolve("bin/flagtrail")));
        assertTrue(Files.isExecutable(home.resolve("runtime/bin/java")));
        assertFalse(Files.exists(home.resolve("runtime/bin/javac")), "a runtime, not a JDK");

        var tools = Files.createDirectories(dir.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("dirname"), Path.of("/usr/bin/dirname"));
        int port = freePort();
        var builder = new ProcessBuilder(home.resolve("bin/flagtrail").toString()).directory(home.toFile());
        var env = builder.environment();
        env.clear();
        env.put("PATH", tools.toString());
        env.put("PORT", String.valueOf(port));
        env.put("FLAGTRAIL_ADMIN_PASSWORD", "a-distribution-password");
        env.put("EVENTS_PATH", home.resolve("data/events").toString());
        var log = dir.resolve("flagtrail.log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        var process = builder.start();
        try {
            var base = URI.create("http://127.0.0.1:" + port);
            awaitReady(base, Duration.ofSeconds(120), log);
            assertEquals(200, get(base.resolve("/openapi.yml")).statusCode());
            var login = post(base.resolve("/api/v1/auth/login"),
                    "{\"email\":\"admin@flagtrail.local\",\"password\":\"a-distribution-password\"}");
            assertEquals(200, login.statusCode(), login.body());
            assertTrue(Files.isDirectory(home.resolve("data")), "the embedded database lives beside the distribution");
        } finally {
            process.destroy(); // SIGTERM
            boolean stopped = process.waitFor(40, TimeUnit.SECONDS);
            if (!stopped) {
                process.destroyForcibly();
            }
            assertTrue(stopped, "stopped on SIGTERM within the grace period; the log says:\n" + tail(log));
        }
        assertTrue(Files.size(home.resolve("lib/flagtrail.jsa")) > 0, "the first stop wrote the class-data archive");
        var second = builder.start();
        try {
            var base = URI.create("http://127.0.0.1:" + port);
            awaitReady(base, Duration.ofSeconds(120), log);
        } finally {
            second.destroy();
            assertTrue(second.waitFor(40, TimeUnit.SECONDS), "stopped again");
        }

        // the CLI through the launch script: its own archive, written by the first command, and exit codes its own
        for (int run = 0; run < 2; run++) {
            var cli = new ProcessBuilder(home.resolve("bin/flagtrail").toString(), "features", "get", "no-such-flag")
                    .directory(home.toFile());
            cli.environment().clear();
            cli.environment().put("PATH", tools.toString());
            cli.redirectErrorStream(true).redirectOutput(log.toFile());
            var command = cli.start();
            assertTrue(command.waitFor(60, TimeUnit.SECONDS));
            assertEquals(3, command.exitValue(), "not found stays exit 3 with the archive:\n" + tail(log));
        }
        assertTrue(Files.size(home.resolve("lib/flagtrail-cli.jsa")) > 0, "the first command wrote the CLI's archive");
    }

    /** Waits until the server answers its readiness check with 200; refused connections mean it is still starting. */
    private static void awaitReady(URI base, Duration limit, Path log) throws IOException {
        try {
            Poll.until(limit, "the server to be ready", () -> readiness(base), status -> status == 200);
        } catch (AssertionError notReady) {
            throw new AssertionError(notReady.getMessage() + "; its log ends:\n" + tail(log), notReady);
        }
    }

    private static int readiness(URI base) {
        try {
            return get(base.resolve("/health/readiness")).statusCode();
        } catch (IOException notYetListening) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
