package io.flagtrail.application.port.in;

import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import java.util.List;

/**
 * Projects and their environments (ADR 0012): reading them (every role), and managing them (ADMIN). Every change
 * is audited with its reason; a change naming the version it was based on (If-Match) is refused when it is stale.
 */
public final class ProjectUseCases {

    private ProjectUseCases() {
    }

    /** A project with its environments, in their order. */
    public record ProjectView(Project project, List<Environment> environments) {
        public ProjectView {
            environments = List.copyOf(environments);
        }
    }

    public record CreateProject(ProjectKey key, String name, String description, String owner, Reason reason,
                                Origin origin) {
    }

    /** Null fields stay as they are; an empty owner clears it. */
    public record ChangeProject(ProjectKey key, String name, String description, String owner, Long expectedVersion,
                                Reason reason, Origin origin) {
    }

    /**
     * {@code cloneFrom} (optional) names an environment of the project whose states the new one copies (on or off
     * as they are there); without it every feature is off in the new environment. A null {@code policy} is
     * {@link ApprovalPolicy#DIRECT}.
     */
    public record CreateEnvironment(ProjectKey project, EnvironmentKey key, String name, EnvironmentType type,
                                    Integer sortOrder, ApprovalPolicy policy, EnvironmentKey cloneFrom, Reason reason,
                                    Origin origin) {
    }

    /** Null fields stay as they are. */
    public record ChangeEnvironment(ProjectKey project, EnvironmentKey key, String name, EnvironmentType type,
                                    Integer sortOrder, ApprovalPolicy policy, Long expectedVersion, Reason reason,
                                    Origin origin) {
    }

    /** {@code force} deletes it even while features are on in it. */
    public record DeleteEnvironment(ProjectKey project, EnvironmentKey key, Long expectedVersion, boolean force,
                                    Reason reason, Origin origin) {
    }

    public interface ReadProjectsUseCase {
        List<ProjectView> list();

        /** {@code NotFound} {@code project.not_found} naming the key when there is none. */
        ProjectView get(ProjectKey key);

        /** {@code NotFound} naming the project or the environment that does not exist. */
        Environment environment(ProjectKey project, EnvironmentKey key);
    }

    public interface ManageProjectsUseCase {
        /** A new project, with the environments every project starts with: development and production. */
        ProjectView create(CreateProject command);

        ProjectView change(ChangeProject command);

        Environment create(CreateEnvironment command);

        Environment change(ChangeEnvironment command);

        /**
         * Removes an environment and every feature's state in it. The default project's production environment is
         * refused (409): it is what the compatibility routes address. So is a project's last environment, and one
         * where features are on, unless forced. A reason is required.
         */
        void delete(DeleteEnvironment command);
    }
}
