package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.CompatibilityScope;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.web.router.MethodBasedRouteMatch;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code @Secured} with grants: on a route that names a project (and an environment), the caller's roles are their
 * global roles and those of their grants holding there ({@link ScopedRoles}); on {@link CompatibilityScope} routes,
 * those holding in default/production. Everywhere else, and for a caller without grants, exactly Micronaut's rule.
 * A grant holds only EDITOR or VIEWER, so it never opens an ADMIN or AUDITOR route.
 */
@Singleton
@Replaces(SecuredAnnotationRule.class)
final class ScopedSecuredAnnotationRule extends SecuredAnnotationRule {

    private final ScopedRoles scoped;

    ScopedSecuredAnnotationRule(RolesFinder rolesFinder, ScopedRoles scoped) {
        super(rolesFinder);
        this.scoped = scoped;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication == null || ScopedRoles.claimed(authentication).isEmpty()) {
            return super.check(request, authentication);
        }
        var match = RouteAttributes.getRouteMatch(request).orElse(null);
        var place = place(match);
        if (place == null) {
            return super.check(request, authentication);
        }
        var roles = scoped.in(authentication, place.project(), place.environment());
        return super.check(request, Authentication.build(authentication.getName(), roles,
                authentication.getAttributes()));
    }

    /** The place a route names: its path's project and environment, or the compatibility scope; else null. */
    private static @Nullable Place place(@Nullable RouteMatch<?> match) {
        if (match == null) {
            return null;
        }
        if (match instanceof MethodBasedRouteMatch<?, ?> method && method.getDeclaringType()
                .isAnnotationPresent(CompatibilityScope.class)) {
            return new Place(Scope.COMPATIBILITY.project(), Scope.COMPATIBILITY.environment());
        }
        var variables = match.getVariableValues();
        Object project = variables.get("project");
        if (project == null) {
            return null;
        }
        try {
            Object environment = variables.get("environment");
            return new Place(new ProjectKey(String.valueOf(project)),
                    environment == null ? null : new EnvironmentKey(String.valueOf(environment)));
        } catch (InvalidInput notAKey) {
            return null; // the route refuses it (400) with the global roles' answer
        }
    }

    private record Place(ProjectKey project, @Nullable EnvironmentKey environment) {
    }
}
