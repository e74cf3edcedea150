package io.flagtrail.application.port.out;

import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Projects and their environments. A change reads what it changes with {@code lock} (the row stays locked until the
 * transaction ends), so two changes to one project or environment apply one after the other.
 */
public interface Projects {

    Optional<Project> find(ProjectKey key);

    Optional<Project> lock(ProjectKey key);

    /** Every project, by key. */
    List<Project> list();

    /** Stores a new project; {@code Conflict} {@code project.key_taken} when its key is in use. */
    void add(Project project);

    void update(Project project);

    /** The project's environments in their order ({@code sortOrder}, then key). */
    List<Environment> environments(UUID projectId);

    Optional<Environment> lockEnvironment(UUID projectId, EnvironmentKey key);

    /** Stores a new environment; {@code Conflict} {@code environment.key_taken} when the project has its key. */
    void add(Environment environment);

    void update(Environment environment);

    void delete(Environment environment);
}
