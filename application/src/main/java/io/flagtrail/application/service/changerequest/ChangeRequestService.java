package io.flagtrail.application.service.changerequest;

import io.flagtrail.application.port.in.ChangeRequestUseCases.ApplyScheduledChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.BreakGlass;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Edit;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Listing;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ManageChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.Propose;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ReadChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.TakeStep;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.ChangeRequests;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.application.service.project.ProjectService;
import io.flagtrail.application.service.scope.Places;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestAction;
import io.flagtrail.domain.changerequest.ChangeRequestChanged;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every step of a change request, each in one transaction with its audit entry and event: propose (a draft, or
 * submitted at once), edit (which voids the approvals), submit, approve, reject, withdraw, apply, schedule and
 * cancel; a break-glass change (applied at once, CRITICAL) and its sign-off by someone else. The rules are the
 * aggregate's ({@link ChangeRequest}); the environment's approval policy is read in the same transaction, so a
 * stricter one counts at once. Applying goes through {@link FeatureCommandService#applyApproved}, the one writer
 * allowed past the approval gate. A step lands only on the version it was taken from: two steps at once cannot both.
 */
public final class ChangeRequestService
        implements ManageChangeRequestsUseCase, ReadChangeRequestsUseCase, ApplyScheduledChangeRequestsUseCase {

    /** Who applies a scheduled request: the system, on its approvers' behalf. */
    static final Origin SCHEDULER = new Origin(Actor.system("scheduler"), RequestContext.system());
    private static final int DUE_PER_ROUND = 50;

    private final ChangeRequests requests;
    private final Projects projects;
    private final FeatureCommandService featureCommands;
    private final ProjectService projectService;
    private final Proposals proposals;
    private final ChangeRequestRecords records;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public ChangeRequestService(ChangeRequests requests, Projects projects, Features features,
                                FeatureCommandService featureCommands, ProjectService projectService,
                                AuditTrail trail, EventPublisher events,
                                AppLogger log, Transactions transactions, Clock clock, IdGenerator ids) {
        this.requests = requests;
        this.projects = projects;
        this.featureCommands = featureCommands;
        this.projectService = projectService;
        this.proposals = new Proposals(features);
        this.records = new ChangeRequestRecords(trail, events, ids, log);
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ChangeRequest propose(Propose command) {
        return transactions.inTransaction(() -> {
            var environment = environment(command.scope());
            if (!environment.isProtected()) {
                throw notRequired(command.scope());
            }
            var actor = command.origin().actor();
            var now = clock.now();
            var drafted = ChangeRequest.draft(ids.newId(), command.scope(), command.title(), actor,
                    proposals.of(command.scope(), command.edits(), actor, now), command.policy(), now);
            var steps = command.submit() ? List.of(drafted, drafted.after().submit(actor, now)) : List.of(drafted);
            var request = steps.getLast().after();
            requests.add(request);
            steps.forEach(step -> records.record(step, command.origin()));
            return request;
        });
    }

    @Override
    public ChangeRequest breakGlass(BreakGlass command) {
        return transactions.inTransaction(() -> {
            var environment = environment(command.scope());
            if (!environment.isProtected()) {
                throw notRequired(command.scope());
            }
            var actor = command.origin().actor();
            environment.policy().admitBreakGlass(actor, command.roles());
            var now = clock.now();
            var changes = proposals.of(command.scope(), command.edits(), actor, now);
            var id = ids.newId();
            var step = featureCommands.applyApproved(command.scope(), changes, current -> ChangeRequest.breakGlass(id,
                    command.scope(), command.reason(), actor, changes, current, now), command.origin());
            requests.add(step.after());
            records.record(step, command.origin());
            return step.after();
        });
    }

    @Override
    public ChangeRequest edit(Edit command) {
        return transactions.inTransaction(() -> {
            environment(command.scope());
            var request = find(command.scope(), command.id());
            var actor = command.origin().actor();
            var now = clock.now();
            return store(request.edit(proposals.of(command.scope(), command.edits(), actor, now), command.policy(),
                    actor, command.expectedVersion(), now), command.origin());
        });
    }

    @Override
    public ChangeRequest take(TakeStep command) {
        return transactions.inTransaction(() -> {
            var policy = environment(command.scope()).policy();
            var request = find(command.scope(), command.id());
            if (command.expectedVersion() != null && command.expectedVersion() != request.version()) {
                throw new StaleVersion("change request " + request.id(), command.expectedVersion(), request.version());
            }
            var origin = command.origin();
            var actor = origin.actor();
            var now = clock.now();
            var step = switch (command.step()) {
                case SUBMIT -> request.submit(actor, now);
                case APPROVE -> request.approve(actor, command.roles(), policy, command.text(), null, now);
                case REJECT -> request.reject(actor, command.roles(), policy, command.text(), now);
                case WITHDRAW -> request.withdraw(actor, command.text(), now);
                case SCHEDULE -> request.schedule(actor, command.at(), now);
                case CANCEL -> request.cancel(actor, command.text(), now);
                case APPLY -> apply(request, policy, origin, now);
                case SIGN_OFF -> request.signOff(actor, command.roles(), policy, command.text(), now);
            };
            return store(step, origin);
        });
    }

    @Override
    public int applyDue() {
        int applied = 0;
        // which are due, read on their own; each is then applied in a transaction of its own, so one that cannot be
        // does not hold the others back
        var dueNow = transactions.inTransaction(() -> requests.due(clock.now(), DUE_PER_ROUND));
        for (var due : dueNow) {
            try {
                if (transactions.inTransaction(() -> applyScheduled(due.id()))) {
                    applied++;
                }
            } catch (NotFound | Conflict cannot) {
                // its environment is gone, or it needs more approvals now, or reaches another protected environment
                transactions.inTransaction(() -> cancelScheduled(due.id(), cannot));
            }
        }
        return applied;
    }

    /** Applies the request when it is still scheduled and due once locked (another instance may have applied it). */
    private boolean applyScheduled(UUID id) {
        var request = requests.lock(id).orElseThrow();
        var now = clock.now();
        if (request.state() != ChangeRequestState.SCHEDULED || request.scheduledFor().isAfter(now)) {
            return false;
        }
        var policy = environment(request.scope()).policy();
        return store(apply(request, policy, SCHEDULER, now), SCHEDULER).state() == ChangeRequestState.APPLIED;
    }

    /** The features' changes, then the policy the request proposes (if any), in the caller's transaction. */
    private ChangeRequestChanged apply(ChangeRequest request, ApprovalPolicy policy, Origin origin, Instant now) {
        var step = featureCommands.applyApproved(request.scope(), request.changes(),
                current -> request.apply(current, policy, origin.actor(), now), origin);
        if (step.action() == ChangeRequestAction.APPLIED && request.policy() != null) {
            projectService.applyApprovedPolicy(request.scope(), request.policy(), step.after().reasonOfItsChanges(),
                    origin);
        }
        return step;
    }

    private Void cancelScheduled(UUID id, RuntimeException cannot) {
        var request = requests.lock(id).orElseThrow();
        if (request.state() == ChangeRequestState.SCHEDULED) {
            var reason = "the scheduler could not apply it: " + cannot.getMessage();
            store(request.cancel(SCHEDULER.actor(), reason.length() > ChangeRequest.MAX_TEXT
                    ? reason.substring(0, ChangeRequest.MAX_TEXT) : reason, clock.now()), SCHEDULER);
        }
        return null;
    }

    @Override
    public ChangeRequest get(Scope scope, UUID id) {
        return transactions.inTransaction(() -> {
            Places.of(projects, scope);
            return find(scope, id);
        });
    }

    @Override
    public Page<ChangeRequest> list(Listing listing) {
        return transactions.inTransaction(() -> {
            Places.of(projects, listing.scope());
            return requests.list(listing.scope(), listing.states(), listing.author(), listing.approver(),
                    listing.limit(), listing.cursor());
        });
    }

    private ChangeRequest store(ChangeRequestChanged step, Origin origin) {
        var before = step.before();
        if (!requests.update(step.after(), before.version())) {
            var now = requests.find(before.id()).map(ChangeRequest::version).orElse(before.version());
            throw new StaleVersion("change request " + before.id(), before.version(), now);
        }
        records.record(step, origin);
        return step.after();
    }

    private static Conflict notRequired(Scope scope) {
        return new Conflict("change_request.not_required", "environment '" + scope + "' takes changes directly (its "
                + "approval policy requires none): make the change itself");
    }

    private Environment environment(Scope scope) {
        return Places.of(projects, scope).environments().stream().filter(e -> e.key().equals(scope.environment()))
                .findFirst().orElseThrow();
    }

    private ChangeRequest find(Scope scope, UUID id) {
        return requests.find(id).filter(r -> r.scope().equals(scope)).orElseThrow(() -> new NotFound(
                "change_request.not_found", "environment '" + scope + "' has no change request " + id));
    }
}
