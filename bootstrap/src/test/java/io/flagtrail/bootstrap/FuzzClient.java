package io.flagtrail.bootstrap;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Sends {@link FuzzRequests.Request}s to one server as the credential each asks for, and sets up what gives the
 * generated path parameters something real to hit: a feature, a second user, an API key and a legal hold.
 */
final class FuzzClient {

    /** One answer, as received: JSON parsed when it says it is JSON. */
    record Received(int status, String contentType, String text, Object json, boolean unparsable) {

        boolean isBinary() {
            return contentType != null && contentType.startsWith("application/zip");
        }
    }

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final String token;
    /** Sessions of their own for logout to end, so that the fuzzing session itself lives on. */
    private final Deque<String> spareSessions = new ArrayDeque<>();
    private final OpenApiContract contract;
    private final FuzzRequests.Fixtures fixtures;

    FuzzClient(URI base, JsonMapper json, String email, String password) {
        this.base = base;
        this.json = json;
        var api = new Api(base, json); // the system tests' client, for everything that is not fuzzing
        this.token = api.login(email, password);
        for (int i = 0; i < 4; i++) {
            spareSessions.add(api.login(email, password));
        }
        this.contract = new OpenApiContract(api.send("GET", "/openapi.yml", null, null).raw().body());
        this.fixtures = setUp(api);
    }

    Map<String, Object> document() {
        return contract.document();
    }

    OpenApiContract contract() {
        return contract;
    }

    FuzzRequests.Fixtures fixtures() {
        return fixtures;
    }

    Received send(FuzzRequests.Request request) {
        var builder = HttpRequest.newBuilder(base.resolve(request.path())).timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        switch (request.credential()) {
            case ADMIN -> builder.header("Authorization", "Bearer " + token);
            case SPARE_SESSION -> builder.header("Authorization", "Bearer "
                    + (spareSessions.isEmpty() ? "not-a-token" : spareSessions.pop()));
            case API_KEY -> builder.header("X-API-Key", fixtures.apiKeySecret());
            case FORGED -> builder.header("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA");
            case NONE -> { }
        }
        request.headers().forEach(builder::header);
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse(null);
            String text = new String(response.body(), StandardCharsets.UTF_8);
            boolean isJson = type != null && (type.startsWith("application/json") || type.startsWith("application/problem+json"));
            if (!isJson || text.isEmpty()) {
                return new Received(response.statusCode(), type, text, text.isEmpty() ? null : text, false);
            }
            try {
                return new Received(response.statusCode(), type, text, json.readValue(text, io.micronaut.core.type.Argument.OBJECT_ARGUMENT), false);
            } catch (IOException notJson) {
                return new Received(response.statusCode(), type, text, null, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(request.describe(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private FuzzRequests.Fixtures setUp(Api api) {
        String run = Long.toString(System.nanoTime(), 36); // one server takes several seeds' runs
        String feature = "fz-known-" + run;
        expect(api, 201, "/api/v1/features", "{\"key\":\"" + feature + "\",\"name\":\"Known\",\"enabled\":true,"
                + "\"variants\":{\"on\":true,\"off\":false},\"defaultVariant\":\"on\",\"offVariant\":\"off\"}");
        var user = expect(api, 201, "/api/v1/users",
                "{\"email\":\"fz-victim-" + run + "@example.com\",\"roles\":[\"VIEWER\"],\"password\":\"a-long-victim-password\"}");
        var key = expect(api, 201, "/api/v1/api-keys", "{\"name\":\"fz\",\"scopes\":[\"evaluate\",\"features:read\"]}");
        var hold = expect(api, 201, "/api/v1/audit/holds",
                "{\"subjectType\":\"feature\",\"subjectId\":\"" + feature + "\",\"reason\":\"fuzz\"}");
        return new FuzzRequests.Fixtures(feature, (String) user.get("id"), (String) key.get("id"),
                (String) key.get("secret"), (String) hold.get("id"));
    }

    private Map<String, Object> expect(Api api, int status, String path, String body) {
        var answer = api.send("POST", path, token, body);
        if (answer.status() != status) {
            throw new AssertionError("POST " + path + " answered " + answer.status() + ": " + answer.raw().body());
        }
        return answer.json();
    }
}
