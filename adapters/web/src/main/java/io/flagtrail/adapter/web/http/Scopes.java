package io.flagtrail.adapter.web.http;

import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import io.micronaut.security.authentication.Authentication;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One environment of one project as a request names it (path variables or body fields), and the one an API key is
 * bound to (attributes of its authentication).
 */
public final class Scopes {

    /**
     * The attribute of an API key's authentication that holds the environment it is bound to, as the {@link Scope}
     * itself: evaluation reads it on every request, so it is not parsed again from strings each time.
     */
    public static final String BOUND_TO_ATTRIBUTE = "boundTo";

    private Scopes() {
    }

    /**
     * What a caller is served: an API key its own environment, anyone else the compatibility scope (OFREP has no way
     * to name one).
     */
    public static Scope servedTo(Authentication caller) {
        return caller != null && caller.getAttributes().get(BOUND_TO_ATTRIBUTE) instanceof Scope bound ? bound
                : Scope.COMPATIBILITY;
    }

    /**
     * Refuses (403 {@code api_key.other_environment}) an API key bound to another environment than {@code scope}:
     * a key for development never reads or changes production. Users' roles are not bound (yet).
     */
    public static void requireReachable(Authentication caller, Scope scope) {
        if (caller != null && Origins.isApiKey(caller) && !servedTo(caller).equals(scope)) {
            throw new PermissionDenied("api_key.other_environment", "this API key is bound to " + servedTo(caller)
                    + ", not to " + scope);
        }
    }

    /** The scope these keys name; each that cannot be a key is refused (400), named. */
    public static Scope of(String project, String environment) {
        var projectKey = new AtomicReference<ProjectKey>();
        var environmentKey = new AtomicReference<EnvironmentKey>();
        new Violations().include(() -> projectKey.set(new ProjectKey(project)))
                .include(() -> environmentKey.set(new EnvironmentKey(environment))).throwIfAny();
        return new Scope(projectKey.get(), environmentKey.get());
    }
}
