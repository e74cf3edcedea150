package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built jar with one bad setting: exit code 1 and one line naming it on stderr, no stack trace. */
class MisconfigurationIT {

    @ParameterizedTest
    @ValueSource(strings = {"AUTH_JWT_SECRET=too-short", "AUTH_METHOD=kerberos", "PORT=eighty",
            "FLAGTRAIL_LEDGER_RETENTION=forever", "DATABASE_URL=mysql://db/flagtrail",
            "FLAGTRAIL_WITNESS_LOGS_PROD=bm90LWEta2V5", "FLAGTRAIL_LEDGER_SIGNER_COMMAND=/usr/local/bin/kms-sign"})
    void the_service_refuses_to_start_with_one_clear_line(String setting) throws Exception {
        var dir = Files.createTempDirectory("flagtrail-misconfigured-");
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                Path.of("target", "flagtrail.jar").toAbsolutePath().toString()).directory(dir.toFile());
        builder.environment().remove("DATABASE_URL");
        var parts = setting.split("=", 2);
        builder.environment().put(parts[0], parts[1]);
        var stderr = dir.resolve("stderr.txt");
        builder.redirectError(stderr.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile());
        var process = builder.start();
        assertTrue(process.waitFor(90, TimeUnit.SECONDS), "it stopped by itself");

        List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
        assertEquals(1, process.exitValue());
        var said = lines.stream().filter(l -> l.startsWith("flagtrail: cannot start: ") || l.startsWith("flagtrail: DATABASE_URL"))
                .toList();
        assertEquals(1, said.size(), String.join("\n", lines));
        assertTrue(said.getFirst().contains(parts[0]) || said.getFirst().contains("micronaut.server.port"), said.getFirst());
        assertFalse(lines.stream().anyMatch(l -> l.startsWith("\tat ")), "no stack trace:\n" + String.join("\n", lines));
    }
}
