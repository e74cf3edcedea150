package io.flagtrail.adapter.web.identity;

import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.adapter.web.http.Origins;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The roles a caller holds in one place: their global roles, and the roles of their grants that hold there
 * ({@link Grant}). A route that names an environment ({@code /projects/{project}/environments/{environment}/…}) honours
 * grants in that environment and project-wide ones; a route that names only a project, project-wide ones. The token
 * carries the grants ({@link #GRANTS_CLAIM}) beside the roles, checked against the store on every request as the roles
 * are, so a revoked grant is refused on the next request.
 */
@Singleton
public final class ScopedRoles {

    /** The claim of an access token that lists its user's grants as written ({@code EDITOR@web/development}). */
    public static final String GRANTS_CLAIM = "grants";

    private final RolesFinder finder;
    private final String rolesClaim;

    ScopedRoles(RolesFinder finder, TokenConfiguration tokens) {
        this.finder = finder;
        this.rolesClaim = tokens.getRolesName();
    }

    /** The grants a token claims; none for an API key or a token from before grants. */
    public static List<Grant> claimed(Authentication caller) {
        Object claim = caller.getAttributes().get(GRANTS_CLAIM);
        if (!(claim instanceof Collection<?> written)) {
            return List.of();
        }
        var grants = new ArrayList<Grant>(written.size());
        for (Object grant : written) {
            try {
                grants.add(Grant.parse(String.valueOf(grant)));
            } catch (InvalidInput unreadable) {
                // a grant this release cannot read grants nothing; the session check refuses the token anyway
            }
        }
        return grants;
    }

    /**
     * The caller's roles in the place, the hierarchy applied: their global roles with those of the grants holding
     * in {@code environment} of {@code project}, or (environment null) throughout the project.
     */
    public List<String> in(Authentication caller, ProjectKey project, @Nullable EnvironmentKey environment) {
        var roles = new LinkedHashSet<>(caller.getRoles());
        for (var grant : claimed(caller)) {
            if (environment == null ? grant.holdsThroughout(project) : grant.holdsIn(project, environment)) {
                roles.add(grant.role().name());
            }
        }
        return finder.resolveRoles(Map.of(rolesClaim, List.copyOf(roles)));
    }

    /**
     * Refuses (403 {@code auth.role_in_project}) a caller who does not hold {@code role} throughout the project: what
     * a change that alters what every environment serves needs (a feature's variants, its deletion and restoration),
     * so that EDITOR in development does not reach production through them. An API key reaches one environment and
     * never holds a role throughout a project.
     */
    public void requireThroughout(Authentication caller, String role, ProjectKey project, String change) {
        if (Origins.isApiKey(caller) || !in(caller, project, null).contains(role)) {
            throw new PermissionDenied("auth.role_in_project", change + " changes what every environment of project '"
                    + project + "' serves: it needs " + role + " in the whole project"
                    + (Origins.isApiKey(caller) ? ", which an API key (bound to one environment) never has" : ""));
        }
    }
}
