package io.flagtrail.application.service.scope;

import io.flagtrail.application.port.out.Projects;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.Scope;
import java.util.List;

/**
 * A scope's project with its environments, or the 404 that names what is missing (the project, else the
 * environment): the one check every use case that takes a {@link Scope} makes.
 */
public record Places(Project project, List<Environment> environments) {

    public static Places of(Projects projects, Scope scope) {
        var project = projects.find(scope.project()).orElseThrow(() -> NotFound.project(scope.project().value()));
        var environments = projects.environments(project.id());
        if (environments.stream().noneMatch(e -> e.key().equals(scope.environment()))) {
            throw NotFound.environment(scope.project().value(), scope.environment().value());
        }
        return new Places(project, environments);
    }
}
