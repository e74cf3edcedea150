package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenFeature JavaScript server SDK with its OFREP provider (versions in src/test/js/package.json), set up as
 * docs/evaluation.md says, against a running Flagtrail: boolean, string, number and object flags, targeting, and a
 * missing flag. Needs Node.js and npm with access to a package registry: `.ci/run` makes sure they are there; on a
 * machine without Node the test is skipped and says so.
 */
class OpenFeatureJsIT {

    @Test
    void the_javascript_sdk_evaluates_through_ofrep() throws Exception {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "Node.js and npm are not installed: skipped");
        var dir = Path.of("target", "js-check").toAbsolutePath();
        Files.createDirectories(dir);
        for (var file : List.of("package.json", "openfeature-check.mjs")) {
            Files.copy(Path.of("src", "test", "js", file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        var install = run(dir, Map.of(), "npm", "install", "--no-package-lock", "--no-audit", "--no-fund");
        assertEquals(0, install.exit(), "npm install: " + install.output());

        var props = new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2()));
        try (var server = ApplicationContext.run(EmbeddedServer.class, props)) {
            var json = server.getApplicationContext().getBean(JsonMapper.class);
            var api = new Api(server.getURI(), json);
            String admin = api.login("admin@flagtrail.local", (String) props.get("flagtrail.admin.password"));
            String key = (String) api.send("POST", "/api/v1/api-keys", admin,
                    "{\"name\":\"js-sdk\",\"scopes\":[\"evaluate\"]}").json().get("secret");
            for (var feature : List.of(
                    "{\"key\":\"js-on\",\"name\":\"On\",\"enabled\":true}",
                    "{\"key\":\"js-greeting\",\"name\":\"Greeting\",\"enabled\":true,\"variants\":{\"formal\":\"Good day\","
                            + "\"casual\":\"Hi\"},\"defaultVariant\":\"formal\",\"offVariant\":\"formal\",\"rules\":[{\"attribute\":"
                            + "\"appVersion\",\"operator\":\"semver_greater_than\",\"values\":[\"2.0.0\"],\"variant\":\"casual\"}]}",
                    "{\"key\":\"js-limit\",\"name\":\"Limit\",\"enabled\":true,\"variants\":{\"low\":10,\"high\":100},"
                            + "\"defaultVariant\":\"low\",\"offVariant\":\"low\",\"rules\":[{\"attribute\":\"plan\",\"operator\":"
                            + "\"in\",\"values\":[\"pro\"],\"variant\":\"high\"}]}",
                    "{\"key\":\"js-colours\",\"name\":\"Colours\",\"enabled\":true,\"variants\":{\"blue\":{\"hex\":\"#00f\"},"
                            + "\"red\":{\"hex\":\"#f00\"}},\"defaultVariant\":\"blue\",\"offVariant\":\"red\",\"rules\":[{"
                            + "\"attribute\":\"country\",\"operator\":\"in\",\"values\":[\"FR\"],\"variant\":\"red\"}]}")) {
                assertEquals(201, api.send("POST", "/api/v1/features", admin, feature).status(), feature);
            }
            server.getApplicationContext().getBean(EvaluateFlagsUseCase.class).refresh();

            var check = run(dir, Map.of("FLAGTRAIL_URL", server.getURI().toString(), "FLAGTRAIL_API_KEY", key),
                    "node", "openfeature-check.mjs", "js-on", "js-greeting", "js-limit", "js-colours");
            assertEquals(0, check.exit(), check.output());
            String last = check.output().strip().lines().reduce((a, b) -> b).orElse("");
            Map<String, Map<String, Object>> seen = json.readValue(last, Argument.mapOf(Argument.STRING,
                    Argument.mapOf(String.class, Object.class)));

            assertEquals(Map.of("value", true, "variant", "on", "reason", "STATIC"), withoutNulls(seen.get("on")));
            assertEquals(Map.of("value", "Hi", "variant", "casual", "reason", "TARGETING_MATCH"), withoutNulls(seen.get("newApp")));
            assertEquals("Good day", seen.get("oldApp").get("value"));
            assertEquals(100, ((Number) seen.get("pro").get("value")).intValue());
            assertEquals(Map.of("hex", "#f00"), seen.get("french").get("value"));
            assertEquals("FLAG_NOT_FOUND", seen.get("missing").get("errorCode"));
            assertEquals(true, seen.get("missing").get("value"), "the caller's default");
        }
    }

    private record Result(int exit, String output) {
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> details) {
        var copy = new HashMap<>(details);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }

    private static boolean runs(String... command) {
        try {
            return run(Path.of("."), Map.of(), command).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, output + "\n(timed out)");
        }
        return new Result(process.exitValue(), output);
    }
}
