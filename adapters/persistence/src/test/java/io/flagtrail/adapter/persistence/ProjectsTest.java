package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.out.Projects;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Projects and environments on a real database (PostgreSQL and H2 by the subclasses): the migration's default
 * project with its two environments, round trips of every field, the unique keys, order, and a locked change.
 */
abstract class ProjectsTest extends DatabaseTest {

    @Inject Projects projects;

    final ChangeStamp stamp = new ChangeStamp(Actor.system("test"), clock.now(), null);

    /** Two approvals by editors or one named user; the author may not approve. */
    private static final ApprovalPolicy FOUR_EYES = new ApprovalPolicy(2, Set.of(Role.EDITOR, Role.ADMIN),
            Set.of("u-1", "u-2"), false);

    @Test
    void every_installation_has_the_default_project_with_development_and_production() {
        var project = projects.find(ProjectKey.DEFAULT).orElseThrow();

        assertEquals(List.of(EnvironmentKey.DEVELOPMENT, EnvironmentKey.PRODUCTION),
                projects.environments(project.id()).stream().map(Environment::key).toList());
        assertEquals(EnvironmentType.PRODUCTION, projects.environments(project.id()).getLast().type());
        assertEquals("system:migration", project.revision().createdBy());
    }

    @Test
    void a_project_and_its_environments_read_back_as_stored_in_order_and_keys_are_unique_per_project() {
        var key = new ProjectKey("p-" + UUID.randomUUID().toString().substring(0, 8));
        var project = Project.create(UUID.randomUUID(), key, "Web shop", "line one\nline two", "team-web", stamp);
        transactions.inTransaction(() -> {
            projects.add(project);
            projects.add(Environment.create(UUID.randomUUID(), project.id(), new EnvironmentKey("qa"), "QA",
                    EnvironmentType.TEST, 20, FOUR_EYES, stamp));
            projects.add(Environment.create(UUID.randomUUID(), project.id(), EnvironmentKey.PRODUCTION, "Prod",
                    EnvironmentType.PRODUCTION, 10, null, stamp));
            return null;
        });

        assertEquals(project, projects.find(key).orElseThrow());
        var environments = projects.environments(project.id());
        assertEquals(List.of("production", "qa"), environments.stream().map(e -> e.key().value()).toList());
        assertEquals(FOUR_EYES, environments.getLast().policy(), "the policy reads back as stored");
        assertEquals(ApprovalPolicy.DIRECT, environments.getFirst().policy());
        var taken = assertThrows(Conflict.class, () -> transactions.inTransaction(() -> {
            projects.add(Environment.create(UUID.randomUUID(), project.id(), new EnvironmentKey("qa"), "Again",
                    EnvironmentType.TEST, 30, null, stamp));
            return null;
        }));
        assertEquals("environment.key_taken", taken.code());
        var projectTaken = assertThrows(Conflict.class, () -> transactions.inTransaction(() -> {
            projects.add(Project.create(UUID.randomUUID(), key, "Again", null, null, stamp));
            return null;
        }));
        assertEquals("project.key_taken", projectTaken.code());
    }

    @Test
    void a_locked_change_and_a_deletion_are_stored() {
        var key = new ProjectKey("q-" + UUID.randomUUID().toString().substring(0, 8));
        var project = Project.create(UUID.randomUUID(), key, "Q", null, null, stamp);
        var staging = Environment.create(UUID.randomUUID(), project.id(), new EnvironmentKey("staging"), "Staging",
                EnvironmentType.STAGING, 0, null, stamp);
        transactions.inTransaction(() -> {
            projects.add(project);
            projects.add(staging);
            return null;
        });
        var later = new ChangeStamp(Actor.system("test"), clock.now(), null);

        transactions.inTransaction(() -> {
            var locked = projects.lock(key).orElseThrow();
            projects.update(locked.change("Q project", null, "owner", 1L, later));
            var env = projects.lockEnvironment(project.id(), staging.key()).orElseThrow();
            projects.update(env.change(null, EnvironmentType.TEST, null, FOUR_EYES, 1L, later));
            return null;
        });

        var changed = projects.find(key).orElseThrow();
        assertEquals("Q project", changed.name());
        assertEquals(2, changed.revision().version());
        assertEquals(later.at(), changed.revision().updatedAt());
        var env = projects.environments(project.id()).getFirst();
        assertEquals(EnvironmentType.TEST, env.type());
        assertEquals(FOUR_EYES, env.policy());
        transactions.inTransaction(() -> {
            projects.delete(env);
            return null;
        });
        assertTrue(projects.environments(project.id()).isEmpty());
    }
}
