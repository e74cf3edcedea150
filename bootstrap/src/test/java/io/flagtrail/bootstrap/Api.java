package io.flagtrail.bootstrap;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** A plain HTTP client for system tests: raw status, headers and body, as any API user sees them. */
final class Api {

    /** One answer: status, headers and the body parsed as JSON (null when empty). */
    record Reply(int status, HttpResponse<String> raw, Map<String, Object> json) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items() {
            return (List<Map<String, Object>>) json.get("items");
        }
    }

    /** Every answer this client received, for the contract check against the OpenAPI document. */
    final java.util.List<OpenApiContract.Answer> answers = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;

    Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    Reply send(String method, String path, String token, String body, String... headers) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(java.time.Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            boolean isJson = type != null && type.contains("json");
            var parsed = isJson ? parse(response.body()) : null;
            answers.add(new OpenApiContract.Answer(method, path, response.statusCode(), type,
                    isJson ? parsed : response.body().isEmpty() ? null : response.body()));
            return new Reply(response.statusCode(), response, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The raw bytes of a download. */
    byte[] download(String path, String token) {
        var request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("download of " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String login(String email, String password) {
        var reply = send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        if (reply.status() != 200) {
            throw new AssertionError("login failed: " + reply.raw().body());
        }
        return (String) reply.json().get("accessToken");
    }

    private Map<String, Object> parse(String body) throws IOException {
        if (body == null || body.isBlank()) {
            return null;
        }
        return json.readValue(body, Argument.mapOf(String.class, Object.class));
    }
}
