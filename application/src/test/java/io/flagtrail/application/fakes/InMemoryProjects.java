package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Projects;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Projects and environments in maps, with the store's unique keys; locks are the transaction's monitor. */
public final class InMemoryProjects implements Projects, Rollbackable {

    private record State(Map<UUID, Project> projects, Map<UUID, Environment> environments) {
    }

    private Map<UUID, Project> projects = new HashMap<>();
    private Map<UUID, Environment> environments = new HashMap<>();

    @Override
    public synchronized Optional<Project> find(ProjectKey key) {
        return projects.values().stream().filter(p -> p.key().equals(key)).findFirst();
    }

    @Override
    public Optional<Project> lock(ProjectKey key) {
        return find(key);
    }

    @Override
    public synchronized List<Project> list() {
        return projects.values().stream().sorted(Comparator.comparing(p -> p.key().value())).toList();
    }

    @Override
    public synchronized void add(Project project) {
        if (find(project.key()).isPresent()) {
            throw new Conflict("project.key_taken", "a project with key '" + project.key() + "' already exists");
        }
        projects.put(project.id(), project);
    }

    @Override
    public synchronized void update(Project project) {
        projects.put(project.id(), project);
    }

    @Override
    public synchronized List<Environment> environments(UUID projectId) {
        return environments.values().stream().filter(e -> e.projectId().equals(projectId))
                .sorted(Comparator.comparingInt(Environment::sortOrder).thenComparing(e -> e.key().value())).toList();
    }

    @Override
    public synchronized Optional<Environment> lockEnvironment(UUID projectId, EnvironmentKey key) {
        return environments(projectId).stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public synchronized void add(Environment environment) {
        if (lockEnvironment(environment.projectId(), environment.key()).isPresent()) {
            throw new Conflict("environment.key_taken", "the project already has an environment '" + environment.key() + "'");
        }
        environments.put(environment.id(), environment);
    }

    @Override
    public synchronized void update(Environment environment) {
        environments.put(environment.id(), environment);
    }

    @Override
    public synchronized void delete(Environment environment) {
        environments.remove(environment.id());
    }

    @Override
    public synchronized Object snapshot() {
        return new State(new HashMap<>(projects), new HashMap<>(environments));
    }

    @Override
    public synchronized void restore(Object snapshot) {
        var state = (State) snapshot;
        projects = new HashMap<>(state.projects());
        environments = new HashMap<>(state.environments());
    }
}
