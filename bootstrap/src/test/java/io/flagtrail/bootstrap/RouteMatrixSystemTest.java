package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the running server against every kind of caller: anonymous, each role, and an API key of each
 * scope. The matrix below is the access policy written out; a route the router has that the matrix lacks fails the
 * test, so a new route cannot ship without a decision about who may call it. Path variants (trailing slash, double
 * slash, letter case, encoded slash) must not open a route to a caller the matrix refuses.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a-long-user-password";
    static final String ANONYMOUS = "anonymous";
    static final Set<String> USERS = Set.of("VIEWER", "EDITOR", "ADMIN", "AUDITOR");
    static final Set<String> KEYS = Set.of("key:features:read", "key:features:write", "key:evaluate", "key:audit:read");
    static final Set<String> EVERYONE = union(Set.of(ANONYMOUS), USERS, KEYS);
    static final Set<String> AUTHENTICATED = union(USERS, KEYS);
    static final Set<String> READERS = Set.of("VIEWER", "EDITOR", "ADMIN", "key:features:read", "key:features:write");
    static final Set<String> WRITERS = Set.of("EDITOR", "ADMIN", "key:features:write");
    static final Set<String> FEATURE_AND_AUDIT_READERS = union(READERS, Set.of("AUDITOR", "key:audit:read"));
    static final Set<String> AUDITORS = Set.of("AUDITOR", "ADMIN", "key:audit:read");
    static final Set<String> ADMINS = Set.of("ADMIN");
    static final Set<String> EVALUATORS = union(READERS, Set.of("key:evaluate"));
    /**
     * The routes of one environment, called for development: the matrix's keys are bound to default/production, so a
     * key is refused there whatever its scopes (a key for one environment never reaches another).
     */
    static final Set<String> USER_READERS = Set.of("VIEWER", "EDITOR", "ADMIN");
    static final Set<String> USER_WRITERS = Set.of("EDITOR", "ADMIN");
    static final Set<String> USER_FEATURE_AND_AUDIT_READERS = Set.of("VIEWER", "EDITOR", "ADMIN", "AUDITOR");

    /** The access policy: "METHOD template" → who may call it. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/v1/auth/login", EVERYONE);
        MATRIX.put("POST /api/v1/auth/refresh", EVERYONE);
        MATRIX.put("POST /api/v1/auth/logout", AUTHENTICATED);
        MATRIX.put("GET /api/v1/me", AUTHENTICATED);
        MATRIX.put("POST /api/v1/me/password", AUTHENTICATED);
        MATRIX.put("GET /api/v1/features", READERS);
        MATRIX.put("POST /api/v1/features", WRITERS);
        MATRIX.put("GET /api/v1/features/{key}", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("PATCH /api/v1/features/{key}", WRITERS);
        // what changes every environment (deletion, restoration) needs EDITOR throughout the project: never a key's
        MATRIX.put("DELETE /api/v1/features/{key}", USER_WRITERS);
        MATRIX.put("POST /api/v1/features/{key}/enable", WRITERS);
        MATRIX.put("POST /api/v1/features/{key}/disable", WRITERS);
        MATRIX.put("POST /api/v1/features/{key}/restore", USER_WRITERS);
        MATRIX.put("GET /api/v1/features/{key}/history", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}/features", USER_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/features", USER_WRITERS);
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}/features/{key}", USER_FEATURE_AND_AUDIT_READERS);
        MATRIX.put("PATCH /api/v1/projects/{project}/environments/{environment}/features/{key}", USER_WRITERS);
        MATRIX.put("DELETE /api/v1/projects/{project}/environments/{environment}/features/{key}", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/features/{key}/enable", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/features/{key}/disable", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/features/{key}/restore", USER_WRITERS);
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}/features/{key}/history", USER_FEATURE_AND_AUDIT_READERS);
        // change requests: EDITOR proposes and applies; approving needs only to read there, the policy decides who
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}/change-requests", USER_FEATURE_AND_AUDIT_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests", USER_WRITERS);
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}/change-requests/{id}", USER_FEATURE_AND_AUDIT_READERS);
        MATRIX.put("PUT /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/changes", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/submit", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/approve", USER_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/reject", USER_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/withdraw", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/apply", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/schedule", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/cancel", USER_WRITERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/{id}/sign-off", USER_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments/{environment}/change-requests/break-glass", USER_READERS);
        MATRIX.put("GET /api/v1/projects/{project}/features/{key}", USER_FEATURE_AND_AUDIT_READERS);
        MATRIX.put("GET /api/v1/projects/{project}/features/{key}/history", USER_FEATURE_AND_AUDIT_READERS);
        MATRIX.put("GET /api/v1/projects", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("POST /api/v1/projects", ADMINS);
        MATRIX.put("GET /api/v1/projects/{project}", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("PATCH /api/v1/projects/{project}", ADMINS);
        MATRIX.put("GET /api/v1/projects/{project}/environments", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("POST /api/v1/projects/{project}/environments", ADMINS);
        MATRIX.put("GET /api/v1/projects/{project}/environments/{environment}", FEATURE_AND_AUDIT_READERS);
        MATRIX.put("PATCH /api/v1/projects/{project}/environments/{environment}", ADMINS);
        MATRIX.put("DELETE /api/v1/projects/{project}/environments/{environment}", ADMINS);
        MATRIX.put("GET /api/v1/audit", AUDITORS);
        MATRIX.put("GET /api/v1/audit/export", AUDITORS);
        MATRIX.put("GET /api/v1/audit/evidence", AUDITORS);
        MATRIX.put("POST /api/v1/audit/verify", AUDITORS);
        MATRIX.put("GET /api/v1/audit/status", AUDITORS);
        MATRIX.put("GET /api/v1/audit/checkpoints/latest", AUDITORS);
        MATRIX.put("GET /api/v1/audit/checkpoints", AUDITORS);
        MATRIX.put("GET /api/v1/audit/purges", AUDITORS);
        MATRIX.put("GET /api/v1/audit/proofs/inclusion", AUDITORS);
        MATRIX.put("GET /api/v1/audit/proofs/consistency", AUDITORS);
        MATRIX.put("GET /api/v1/audit/keys", EVERYONE);
        // a witness is called by other logs: their keys and proofs authenticate, not a caller (docs/witness.md)
        MATRIX.put("POST /api/v1/witness/{origin}/checkpoints", EVERYONE);
        MATRIX.put("GET /api/v1/witness/{origin}/checkpoints/latest", EVERYONE);
        MATRIX.put("GET /api/v1/audit/holds", AUDITORS);
        MATRIX.put("POST /api/v1/audit/holds", ADMINS);
        MATRIX.put("POST /api/v1/audit/holds/{id}/release", ADMINS);
        MATRIX.put("GET /api/v1/users", ADMINS);
        MATRIX.put("POST /api/v1/users", ADMINS);
        MATRIX.put("GET /api/v1/users/{id}", ADMINS);
        MATRIX.put("PUT /api/v1/users/{id}/roles", ADMINS);
        MATRIX.put("PUT /api/v1/users/{id}/grants", ADMINS);
        MATRIX.put("POST /api/v1/users/{id}/disable", ADMINS);
        MATRIX.put("POST /api/v1/users/{id}/enable", ADMINS);
        MATRIX.put("POST /api/v1/users/{id}/reset-password", ADMINS);
        MATRIX.put("GET /api/v1/api-keys", ADMINS);
        MATRIX.put("POST /api/v1/api-keys", ADMINS);
        MATRIX.put("POST /api/v1/api-keys/{id}/revoke", ADMINS);
        MATRIX.put("GET /api/v1/admin/events", ADMINS);
        MATRIX.put("GET /api/v1/admin/events/types", ADMINS);
        MATRIX.put("GET /api/v1/admin/events/handlers", ADMINS);
        MATRIX.put("POST /api/v1/admin/events/pause", ADMINS);
        MATRIX.put("POST /api/v1/admin/events/resume", ADMINS);
        MATRIX.put("GET /api/v1/admin/events/handlers/{name}/dead-letters", ADMINS);
        MATRIX.put("GET /api/v1/admin/events/log", ADMINS);
        MATRIX.put("POST /api/v1/admin/events/handlers/{name}/retry", ADMINS);
        MATRIX.put("GET /loggers", ADMINS);
        MATRIX.put("GET /loggers/{name}", ADMINS);
        MATRIX.put("POST /loggers/{name}", ADMINS);
        MATRIX.put("GET /api/v1/projects/{project}/change-report", AUDITORS);
        MATRIX.put("GET /metrics", ADMINS);
        MATRIX.put("GET /metrics/{name}", ADMINS);
        MATRIX.put("GET /prometheus", ADMINS);
        MATRIX.put("POST /ofrep/v1/evaluate/flags", EVALUATORS);
        MATRIX.put("POST /ofrep/v1/evaluate/flags/{key}", EVALUATORS);
        MATRIX.put("GET /health", EVERYONE);
        MATRIX.put("GET /openapi.yml", EVERYONE);
        MATRIX.put("GET /swagger/flagtrail.yml", EVERYONE);
        MATRIX.put("GET /", EVERYONE);
        MATRIX.put("GET /docs", EVERYONE);
        MATRIX.put("GET /redoc", EVERYONE);
        MATRIX.put("GET /health/{selector}", EVERYONE);
    }

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject Users users;
    @Inject PasswordHasher hasher;
    @Inject Router router;
    @Inject ManageApiKeysUseCase apiKeys;
    final Map<String, String> credentials = new HashMap<>();
    final HttpClient http = HttpClient.newHttpClient();
    String featureKey;

    @Override
    public Map<String, String> getProperties() {
        var props = StandaloneProperties.on(TestDatabase.postgres());
        return props;
    }

    @BeforeAll
    void principals() {
        var api = new Api(server.getURI(), json);
        for (var role : USERS) {
            String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
            users.add(new User(UUID.randomUUID(), new Email(email), role, hasher.hash(PASSWORD.toCharArray()),
                    Set.of(Role.valueOf(role)), Set.of(), UserStatus.ACTIVE, Instant.now(), null));
            credentials.put(role, "Bearer " + api.login(email, PASSWORD));
        }
        var system = new Origin(Actor.system("matrix"), RequestContext.system());
        for (var scope : ApiKeyScope.values()) {
            credentials.put("key:" + scope.value(), apiKeys.create("matrix " + scope.value(), Set.of(scope), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, system)
                    .secret());
        }
        featureKey = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        api.send("POST", "/api/v1/features", credentials.get("EDITOR").substring(7),
                "{\"key\":\"" + featureKey + "\",\"name\":\"Matrix\"}");
    }

    @Test
    void every_route_of_the_server_is_in_the_matrix_and_every_entry_is_a_route() {
        var routes = routes();
        var missing = new TreeSet<>(routes);
        missing.removeAll(MATRIX.keySet());
        var stale = new TreeSet<>(MATRIX.keySet());
        stale.removeAll(routes);
        assertTrue(missing.isEmpty(), "routes without an access decision in the matrix: " + missing);
        assertTrue(stale.isEmpty(), "matrix entries that are no route: " + stale);
    }

    @Test
    void every_route_admits_exactly_the_callers_the_matrix_names() throws Exception {
        var wrong = new ArrayList<String>();
        for (var route : ordered()) {
            for (var principal : EVERYONE) {
                var answer = answer(route, principal, concrete(route));
                int status = answer.statusCode();
                // Logging in and refreshing answer 401 for bad credentials: that is the route's own answer, not a refusal.
                boolean ownAnswer = answer.body().contains("\"code\":\"auth.bad_credentials\"")
                        || answer.body().contains("\"code\":\"auth.invalid_refresh_token\"");
                boolean admitted = ownAnswer || status != 401 && status != 403;
                boolean expected = MATRIX.get(route).contains(principal);
                if (admitted != expected) {
                    wrong.add(route + " as " + principal + " answered " + status);
                }
                if (!expected && principal.equals(ANONYMOUS) && status != 401) {
                    wrong.add(route + " as anonymous answered " + status + " instead of 401");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void path_variants_do_not_open_a_route_to_a_caller_the_matrix_refuses() throws Exception {
        var wrong = new ArrayList<String>();
        for (var route : List.of("GET /api/v1/audit", "GET /api/v1/users", "GET /api/v1/admin/events",
                "GET /api/v1/audit/export", "GET /metrics")) {
            String path = concrete(route);
            var variants = List.of(path + "/", "/" + path, path.toUpperCase(), path.replace("/v1/", "/v1%2F"),
                    path.replace("/api/", "/api//"), path + "%2F", path.replace("/audit/", "/audit%2F"));
            for (var principal : List.of(ANONYMOUS, "VIEWER", "key:features:read")) {
                for (var variant : variants) {
                    int status = call(route, principal, variant);
                    if (status >= 200 && status < 300) {
                        wrong.add(variant + " as " + principal + " answered " + status);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private List<String> ordered() {
        var all = new ArrayList<>(MATRIX.keySet());
        all.remove("POST /api/v1/auth/logout");
        all.add("POST /api/v1/auth/logout"); // last: it ends the caller's session
        return all;
    }

    private Set<String> routes() {
        return router.uriRoutes()
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString().replaceAll("\\{\\?[^}]*}", ""))
                .filter(r -> !r.startsWith("HEAD ") && !r.startsWith("OPTIONS "))
                .map(r -> r.replaceAll("/$", "").replaceAll("\\{([a-zA-Z]+)[^}]*}", "{$1}"))
                .map(r -> r.endsWith(" ") ? r + "/" : r) // the root route's template is empty
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String concrete(String route) {
        return route.substring(route.indexOf(' ') + 1).replace("{key}", featureKey)
                .replace("{id}", UUID.randomUUID().toString()).replace("{name}", "ROOT").replace("{selector}", "readiness")
                .replace("{origin}", "prod").replace("{project}", "default").replace("{environment}", "development");
    }

    private int call(String route, String principal, String path) throws Exception {
        return answer(route, principal, path).statusCode();
    }

    private HttpResponse<String> answer(String route, String principal, String path) throws Exception {
        String method = route.substring(0, route.indexOf(' '));
        var request = HttpRequest.newBuilder(URI.create(server.getURI() + path));
        String credential = credentials.get(principal);
        if (credential != null) {
            request.header(credential.startsWith("Bearer ") ? "Authorization" : "X-API-Key", credential);
        }
        boolean body = Set.of("POST", "PUT", "PATCH").contains(method);
        if (body) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        var all = new TreeSet<String>();
        for (var set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
