package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A role held in one project (every environment of it) or in one environment of one project, written
 * {@code EDITOR@web} or {@code EDITOR@web/development}. Only EDITOR and VIEWER can be granted so: ADMIN and AUDITOR act
 * on the whole service (users, keys, the ledger) and stay global roles.
 *
 * <p>A grant adds to the user's global roles on the routes that name its project (and its environment): a user with
 * VIEWER and {@code EDITOR@web/development} reads everything and changes features only in web's development.
 */
public record Grant(Role role, ProjectKey project, EnvironmentKey environment) implements Comparable<Grant> {

    private static final Comparator<Grant> ORDER = Comparator.comparing(Grant::toString);

    /** {@code environment} null: the grant holds in every environment of the project. */
    public Grant {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(project, "project");
        if (role != Role.EDITOR && role != Role.VIEWER) {
            throw InvalidInput.of("grants", role + " is a global role; only EDITOR and VIEWER are granted per project "
                    + "or environment");
        }
    }

    /** {@code ROLE@project} or {@code ROLE@project/environment}; anything else is refused naming the form. */
    public static Grant parse(String text) {
        if (text == null) {
            throw malformed(null);
        }
        int at = text.indexOf('@');
        if (at <= 0) {
            throw malformed(text);
        }
        Role role;
        try {
            role = Role.valueOf(text.substring(0, at).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw malformed(text);
        }
        var place = text.substring(at + 1).strip();
        int slash = place.indexOf('/');
        ProjectKey project;
        EnvironmentKey environment;
        try {
            project = new ProjectKey(slash < 0 ? place : place.substring(0, slash));
            environment = slash < 0 ? null : new EnvironmentKey(place.substring(slash + 1));
        } catch (InvalidInput e) {
            throw malformed(text);
        }
        return new Grant(role, project, environment);
    }

    /** Each of {@code written} parsed as {@link #parse} does (none for null); the first that is not a grant refused. */
    public static Set<Grant> parseAll(Collection<String> written) {
        var grants = new HashSet<Grant>();
        if (written != null) {
            written.forEach(text -> grants.add(parse(text)));
        }
        return grants;
    }

    /** The grants as written, in their order: how tokens, snapshots, views and the store show them. */
    public static List<String> written(Collection<Grant> grants) {
        return grants.stream().sorted().map(Grant::toString).toList();
    }

    /** Whether the grant holds in this environment of this project. */
    public boolean holdsIn(ProjectKey inProject, EnvironmentKey inEnvironment) {
        return project.equals(inProject) && (environment == null || environment.equals(inEnvironment));
    }

    /** Whether the grant holds in the whole project (what a route that names only the project needs). */
    public boolean holdsThroughout(ProjectKey inProject) {
        return project.equals(inProject) && environment == null;
    }

    @Override
    public int compareTo(Grant other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return role + "@" + project + (environment == null ? "" : "/" + environment);
    }

    private static InvalidInput malformed(String text) {
        return InvalidInput.of("grants", "'" + text + "' is not ROLE@project or ROLE@project/environment "
                + "(ROLE one of EDITOR, VIEWER)");
    }
}
