package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Projects;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import java.time.Instant;
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

    /**
     * What migration V16 gives every installation: the project {@code default} with {@code development} and
     * {@code production}, with the same ids.
     */
    public static InMemoryProjects seeded() {
        var stamp = new ChangeStamp(new Actor(ActorType.SYSTEM, "migration", "Migration", null),
                Instant.parse("2026-01-01T00:00:00Z"), null);
        var store = new InMemoryProjects();
        var project = Project.create(UUID.fromString("00000000-0000-7000-8000-00000000d001"), ProjectKey.DEFAULT,
                "Default", "The project every installation starts with", null, stamp);
        store.add(project);
        store.add(Environment.create(UUID.fromString("00000000-0000-7000-8000-00000000e001"), project.id(),
                EnvironmentKey.DEVELOPMENT, "Development", EnvironmentType.DEVELOPMENT, 0, null, stamp));
        store.add(Environment.create(UUID.fromString("00000000-0000-7000-8000-00000000e002"), project.id(),
                EnvironmentKey.PRODUCTION, "Production", EnvironmentType.PRODUCTION, 100, null, stamp));
        return store;
    }

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
