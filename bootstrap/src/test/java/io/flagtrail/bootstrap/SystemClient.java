package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One {@link SystemTest} class's way into its {@link SystemServer}: an {@link Api} client logged in as the
 * administrator, and the steps several classes take (add a user, create an API key or flags, evaluate, wait for the
 * sealer). Its answers are the ones checked against the OpenAPI document after the class.
 */
final class SystemClient {

    static final String PASSWORD = "a-long-user-password";

    private final SystemServer server;
    private final Api api;
    private final String admin;

    SystemClient(SystemServer server) {
        this.server = server;
        this.api = new Api(server.uri(), server.bean(JsonMapper.class));
        this.admin = api.login(SystemServer.ADMIN, SystemServer.ADMIN_PASSWORD);
    }

    Api api() {
        return api;
    }

    /** The administrator's access token. */
    String admin() {
        return admin;
    }

    URI uri() {
        return server.uri();
    }

    <T> T bean(Class<T> type) {
        return server.bean(type);
    }

    TestDatabase.Target database() {
        return server.database();
    }

    Path eventsDirectory() {
        return server.eventsDirectory();
    }

    /** Adds an active user with {@link #PASSWORD} and the given role, straight through the port; answers the e-mail. */
    String addUser(String prefix, Role role) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        bean(Users.class).add(new User(UUID.randomUUID(), new Email(email), role.name(),
                bean(PasswordHasher.class).hash(PASSWORD.toCharArray()), Set.of(role), Set.of(), UserStatus.ACTIVE, Instant.now(),
                null));
        return email;
    }

    /** A new user with {@code role}, logged in: answers their access token. */
    String userWith(Role role) {
        return api.login(addUser(role.name().toLowerCase(), role), PASSWORD);
    }

    Map<String, String> loginTokens(String email, String password) {
        var reply = api.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertEquals(200, reply.status(), reply.raw().body());
        return Map.of("accessToken", (String) reply.json().get("accessToken"),
                "refreshToken", (String) reply.json().get("refreshToken"));
    }

    /** An OpenFeature client of its own domain, with the OFREP provider calling this server with {@code secret}. */
    dev.openfeature.sdk.Client openFeature(String secret) {
        var options = dev.openfeature.contrib.providers.ofrep.OfrepProviderOptions.builder()
                .baseUrl(uri().toString())
                .headers(com.google.common.collect.ImmutableMap.of("X-API-Key",
                        com.google.common.collect.ImmutableList.of(secret)))
                .build();
        String domain = "flagtrail-" + java.util.UUID.randomUUID();
        var api = dev.openfeature.sdk.OpenFeatureAPI.getInstance();
        api.setProviderAndWait(domain, dev.openfeature.contrib.providers.ofrep.OfrepProvider.constructProvider(options));
        return api.getClient(domain);
    }

    Api.Reply createKey(String name, List<String> scopes) {
        return api.send("POST", "/api/v1/api-keys", admin, "{\"name\":\"" + name + "\",\"scopes\":"
                + scopes.stream().map(s -> "\"" + s + "\"").toList() + "}");
    }

    /** A new enabled feature with two object variants and a rule sending France to red. */
    String colours() {
        String key = uniqueKey();
        var created = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Colours\","
                + "\"enabled\":true,\"variants\":{\"blue\":{\"hex\":\"#00f\"},\"red\":{\"hex\":\"#f00\"}},"
                + "\"defaultVariant\":\"blue\",\"offVariant\":\"red\",\"rules\":[{\"attribute\":\"country\","
                + "\"operator\":\"in\",\"values\":[\"FR\"],\"variant\":\"red\"}]}");
        assertEquals(201, created.status(), created.raw().body());
        return key;
    }

    /** Three new features (enabled, disabled, enabled at a 50 % rollout), already in the evaluation snapshot. */
    record Flags(String on, String off, String half) {
    }

    Flags onOffAndHalf() {
        var flags = new Flags(uniqueKey(), uniqueKey(), uniqueKey());
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.on() + "\",\"name\":\"On\",\"enabled\":true}");
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.off() + "\",\"name\":\"Off\"}");
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + flags.half() + "\",\"name\":\"Half\","
                + "\"enabled\":true,\"rolloutPercentage\":50}");
        refreshSnapshot();
        return flags;
    }

    /** Reloads the evaluation snapshot now, instead of waiting for the job's next round. */
    void refreshSnapshot() {
        bean(EvaluateFlagsUseCase.class).refresh();
    }

    HttpResponse<String> ofrep(String secret, String path, String body, String ifNoneMatch) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(uri() + "/ofrep/v1/evaluate/flags" + path))
                .header("X-API-Key", secret).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Waits until every entry is sealed and covered by a signed checkpoint. */
    void awaitSealed() {
        var ledger = bean(LedgerStatusUseCase.class);
        Poll.until(Duration.ofSeconds(10), "every entry sealed and checkpointed", ledger::status,
                status -> status.unsealed() == 0 && status.latestCheckpoint() != null
                        && status.latestCheckpoint().size() == status.size());
    }

    static void assertProblem(Api.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.raw().body());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"), reply.header("Content-Type"));
        assertEquals(code, reply.json().get("code"));
        assertEquals(status, ((Number) reply.json().get("status")).intValue());
        assertFalse(reply.raw().body().contains("\tat "), "stack trace leaked: " + reply.raw().body());
        assertFalse(reply.raw().body().contains("Exception"), "exception leaked: " + reply.raw().body());
    }

    static String uniqueKey() {
        return "sys-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.get(name);
    }
}
