package io.flagtrail.adapter.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flagtrail log-level <logger> [level]}: reads or sets a logger's level in a running server through its
 * loggers endpoint (ADMIN); the token comes from {@code --token} or {@code FLAGTRAIL_TOKEN}.
 */
@Command(name = "log-level", mixinStandardHelpOptions = true,
        description = "Read or set a logger's level on a running server (needs an ADMIN access token).")
final class LogLevelCommand extends CliCommand implements Callable<Integer> {

    private static final java.util.Set<String> LEVELS = java.util.Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    @Parameters(index = "0", paramLabel = "LOGGER", description = "e.g. io.flagtrail or ROOT") String logger;
    @Parameters(index = "1", arity = "0..1", paramLabel = "LEVEL", description = "TRACE, DEBUG, INFO, WARN, ERROR or OFF")
    String level;
    @Option(names = "--url", defaultValue = "${env:FLAGTRAIL_URL:-http://127.0.0.1:8080}",
            description = "The server (default: FLAGTRAIL_URL, else http://127.0.0.1:8080).") String url;
    @Option(names = "--token", defaultValue = "${env:FLAGTRAIL_TOKEN}",
            description = "An ADMIN access token (default: FLAGTRAIL_TOKEN).") String token;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (token == null || token.isBlank()) {
            throw new CliFailure(2, "log-level needs an ADMIN access token: --token or FLAGTRAIL_TOKEN");
        }
        if (!logger.matches("[A-Za-z0-9_.$-]{1,200}")) {
            throw new CliFailure(2, "LOGGER must be a logger name such as io.flagtrail or ROOT");
        }
        var request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/loggers/" + logger))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10));
        if (level != null) {
            String chosen = level.toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(chosen)) {
                throw new CliFailure(2, "LEVEL must be one of " + LEVELS);
            }
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"configuredLevel\":\"" + chosen + "\"}"));
        }
        HttpResponse<String> response;
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure(1, "no server answers at " + url + ": " + e.getMessage());
        }
        if (response.statusCode() / 100 != 2) {
            throw new CliFailure(response.statusCode() == 404 ? 3 : 1,
                    "the server answered " + response.statusCode() + ": " + response.body());
        }
        spec().commandLine().getOut().println(response.body().isEmpty()
                ? "{\"logger\":\"" + logger + "\",\"configuredLevel\":\"" + level.toUpperCase(Locale.ROOT) + "\"}"
                : response.body());
        spec().commandLine().getOut().flush();
        return 0;
    }
}
