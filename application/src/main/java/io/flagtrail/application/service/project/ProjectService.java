package io.flagtrail.application.service.project;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeProject;
import io.flagtrail.application.port.in.ProjectUseCases.CreateEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.CreateProject;
import io.flagtrail.application.port.in.ProjectUseCases.DeleteEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.ManageProjectsUseCase;
import io.flagtrail.application.port.in.ProjectUseCases.ProjectView;
import io.flagtrail.application.port.in.ProjectUseCases.ReadProjectsUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.feature.FeatureChanges;
import io.flagtrail.application.service.identity.GrantRevocations;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Projects and environments: every change in one transaction with its audit entry (category CHANGE, the subject
 * {@code project} or {@code environment} keyed {@code <project>/<environment>}), a change that changes nothing
 * records nothing. A new project starts with {@code development} and {@code production}, each audited. A new
 * environment gives every feature of its project a state in it (off, recorded as the feature's creation there); a
 * deleted one takes those states with it, and is refused while features are on in it unless forced.
 */
public final class ProjectService implements ReadProjectsUseCase, ManageProjectsUseCase {

    private final Projects projects;
    private final Features features;
    private final FeatureChanges featureChanges;
    private final GrantRevocations grants;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public ProjectService(Projects projects, Features features, FeatureChanges featureChanges, GrantRevocations grants,
                          AuditTrail trail, Transactions transactions, Clock clock, IdGenerator ids) {
        this.projects = projects;
        this.features = features;
        this.featureChanges = featureChanges;
        this.grants = grants;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public List<ProjectView> list() {
        return projects.list().stream().map(p -> new ProjectView(p, projects.environments(p.id()))).toList();
    }

    @Override
    public ProjectView get(ProjectKey key) {
        var project = projects.find(key).orElseThrow(() -> noProject(key));
        return new ProjectView(project, projects.environments(project.id()));
    }

    @Override
    public Environment environment(ProjectKey project, EnvironmentKey key) {
        return get(project).environments().stream().filter(e -> e.key().equals(key)).findFirst()
                .orElseThrow(() -> noEnvironment(project, key));
    }

    @Override
    public ProjectView create(CreateProject command) {
        var stamp = stamp(command.origin(), command.reason());
        return transactions.inTransaction(() -> {
            var project = Project.create(ids.newId(), command.key(), command.name(), command.description(),
                    command.owner(), stamp);
            projects.add(project);
            recordProject(AuditAction.PROJECT_CREATED, null, project, stamp, command.origin());
            var development = Environment.create(ids.newId(), project.id(), EnvironmentKey.DEVELOPMENT, "Development",
                    EnvironmentType.DEVELOPMENT, 0, null, stamp);
            var production = Environment.create(ids.newId(), project.id(), EnvironmentKey.PRODUCTION, "Production",
                    EnvironmentType.PRODUCTION, 100, null, stamp);
            for (var environment : List.of(development, production)) {
                projects.add(environment);
                recordEnvironment(AuditAction.ENVIRONMENT_CREATED, project, null, environment, stamp, command.origin());
            }
            return new ProjectView(project, List.of(development, production));
        });
    }

    @Override
    public ProjectView change(ChangeProject command) {
        var stamp = stamp(command.origin(), command.reason());
        return transactions.inTransaction(() -> {
            var before = projects.lock(command.key()).orElseThrow(() -> noProject(command.key()));
            var after = before.change(command.name(), command.description(), command.owner(),
                    command.expectedVersion(), stamp);
            if (after != before) {
                projects.update(after);
                recordProject(AuditAction.PROJECT_UPDATED, before, after, stamp, command.origin());
            }
            return new ProjectView(after, projects.environments(after.id()));
        });
    }

    @Override
    public Environment create(CreateEnvironment command) {
        if (command.cloneFrom() != null && command.policy() != null && command.policy().requiresApproval()) {
            // a clone switches features on there without a change request: clone first, protect afterwards
            throw new Conflict("environment.clone_into_protected", "an environment created from a clone starts "
                    + "unprotected (its cloned states are not approved changes); set its approval policy afterwards");
        }
        var stamp = stamp(command.origin(), command.reason());
        return transactions.inTransaction(() -> {
            var project = projects.lock(command.project()).orElseThrow(() -> noProject(command.project()));
            var existing = projects.environments(project.id());
            if (command.cloneFrom() != null && existing.stream().noneMatch(e -> e.key().equals(command.cloneFrom()))) {
                throw noEnvironment(command.project(), command.cloneFrom());
            }
            int order = command.sortOrder() != null ? command.sortOrder()
                    : Math.min(Environment.MAX_SORT_ORDER,
                            existing.stream().mapToInt(Environment::sortOrder).max().orElse(-10) + 10);
            var environment = Environment.create(ids.newId(), project.id(), command.key(), command.name(),
                    command.type(), order, command.policy(), stamp);
            projects.add(environment);
            recordEnvironment(AuditAction.ENVIRONMENT_CREATED, project, null, environment, stamp, command.origin());
            placeFeatures(project, environment, command.cloneFrom(), stamp, command.origin());
            return environment;
        });
    }

    @Override
    public Environment change(ChangeEnvironment command) {
        return changeEnvironment(command, false);
    }

    /**
     * Gives a protected environment the approval policy an approved change request proposed, in the caller's
     * transaction, recorded as any environment change: the one way a protected environment's policy changes.
     */
    public void applyApprovedPolicy(Scope scope, ApprovalPolicy policy, Reason reason, Origin origin) {
        changeEnvironment(new ChangeEnvironment(scope.project(), scope.environment(), null, null, null, policy, null,
                reason, origin), true);
    }

    /** {@code approved}: the policy change comes from an approved change request, so a protected one may change. */
    private Environment changeEnvironment(ChangeEnvironment command, boolean approved) {
        var stamp = stamp(command.origin(), command.reason());
        return transactions.inTransaction(() -> {
            var project = projects.find(command.project()).orElseThrow(() -> noProject(command.project()));
            var before = projects.lockEnvironment(project.id(), command.key())
                    .orElseThrow(() -> noEnvironment(command.project(), command.key()));
            if (!approved && before.isProtected() && command.policy() != null
                    && !command.policy().equals(before.policy())) {
                throw new Conflict("change_request.required", "environment '" + project.key() + "/" + before.key()
                        + "' is protected: its approval policy changes only through an approved change request "
                        + "(propose one with approvalPolicy at POST /api/v1/projects/" + project.key()
                        + "/environments/" + before.key() + "/change-requests)");
            }
            var after = before.change(command.name(), command.type(), command.sortOrder(), command.policy(),
                    command.expectedVersion(), stamp);
            if (after != before) {
                projects.update(after);
                recordEnvironment(AuditAction.ENVIRONMENT_UPDATED, project, before, after, stamp, command.origin());
            }
            return after;
        });
    }

    @Override
    public void delete(DeleteEnvironment command) {
        if (command.reason() == null) {
            throw InvalidInput.of("reason", "deleting an environment needs a reason");
        }
        if (command.project().equals(ProjectKey.DEFAULT) && command.key().equals(EnvironmentKey.PRODUCTION)) {
            throw new Conflict("environment.compatibility_target", "environment 'production' of project 'default' "
                    + "is what /api/v1/features and API keys without a project address: it cannot be deleted");
        }
        var stamp = stamp(command.origin(), command.reason());
        int revoked = transactions.inTransaction(() -> {
            var project = projects.lock(command.project()).orElseThrow(() -> noProject(command.project()));
            var environment = projects.lockEnvironment(project.id(), command.key())
                    .orElseThrow(() -> noEnvironment(command.project(), command.key()));
            environment.expectVersion(command.expectedVersion());
            if (projects.environments(project.id()).size() == 1) {
                // a feature needs an environment to be shown, changed and audited in
                throw new Conflict("environment.last", "environment '" + environment.key() + "' is the last of project '"
                        + project.key() + "': a project keeps at least one");
            }
            if (!command.force()) {
                refuseWhileOn(project, environment);
            }
            features.removeStates(environment.id());
            projects.delete(environment);
            recordEnvironment(AuditAction.ENVIRONMENT_DELETED, project, environment, null, stamp, command.origin());
            return grants.revokeIn(project.key(), environment.key(), command.origin(),
                    "environment '" + environment.key() + "' deleted: " + command.reason().text());
        });
        if (revoked > 0) {
            grants.awaitHeard();
        }
    }

    /**
     * Every feature of the project gets its state in the new environment (a copy of its state in {@code cloneFrom}
     * when given), with one entry each in one write; the entries' reason says which (the command's reason first).
     */
    private void placeFeatures(Project project, Environment environment, EnvironmentKey cloneFrom, ChangeStamp stamp,
                               Origin origin) {
        var placed = new ArrayList<Feature>();
        var states = new LinkedHashMap<UUID, EnvironmentState>();
        String how = cloneFrom == null ? "environment '" + environment.key() + "' created"
                : "environment '" + environment.key() + "' cloned from '" + cloneFrom + "'";
        var why = new ChangeStamp(stamp.actor(), stamp.at(), stamp.reason() == null ? new Reason(how)
                : Reason.clipped(stamp.reason().text() + " (" + how + ")"));
        for (var record : features.lockAll(project.id())) {
            var feature = Feature.reconstitute(record);
            feature.addEnvironment(environment, ids.newId(), cloneFrom, why);
            feature.addedStates().forEach(state -> states.put(record.definition().id(), state));
            placed.add(feature);
        }
        if (!placed.isEmpty()) {
            features.addStates(states);
            featureChanges.recordAll(placed, Collections.nCopies(placed.size(), origin));
        }
    }

    private void refuseWhileOn(Project project, Environment environment) {
        var on = features.lockAll(project.id()).stream()
                .filter(r -> r.definition().status() == FeatureStatus.ACTIVE)
                .filter(r -> r.states().stream().anyMatch(s -> s.environment().equals(environment.key()) && s.enabled()))
                .map(r -> r.definition().key().value()).toList();
        if (!on.isEmpty()) {
            throw new Conflict("environment.has_enabled_features", on.size() + " feature(s) are on in environment '"
                    + environment.key() + "' of project '" + project.key() + "' (" + String.join(", ",
                    on.subList(0, Math.min(5, on.size()))) + (on.size() > 5 ? ", …" : "")
                    + "): switch them off first, or delete it with force");
        }
    }

    private ChangeStamp stamp(Origin origin, Reason reason) {
        return new ChangeStamp(origin.actor(), clock.now(), reason);
    }

    private void recordProject(AuditAction action, Project before, Project after, ChangeStamp stamp, Origin origin) {
        record(action, new Subject("project", after.id().toString(), after.key().value()),
                before == null ? null : before.snapshot(), after.snapshot(), stamp, origin);
    }

    private void recordEnvironment(AuditAction action, Project project, Environment before, Environment after,
                                   ChangeStamp stamp, Origin origin) {
        var which = after != null ? after : before;
        record(action, new Subject("environment", which.id().toString(), project.key() + "/" + which.key()),
                before == null ? null : before.snapshot(), after == null ? null : after.snapshot(), stamp, origin);
    }

    private void record(AuditAction action, Subject subject, Map<String, Object> before, Map<String, Object> after,
                        ChangeStamp stamp, Origin origin) {
        trail.entry(action, origin).on(subject).severity(Severity.NOTICE)
                .reason(stamp.reason() == null ? null : stamp.reason().text()).changed(before, after)
                .at(stamp.at()).record();
    }

    private static NotFound noProject(ProjectKey key) {
        return NotFound.project(key.value());
    }

    private static NotFound noEnvironment(ProjectKey project, EnvironmentKey key) {
        return NotFound.environment(project.value(), key.value());
    }
}
