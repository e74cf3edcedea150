package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Change requests (issue 19, ADR 0014): proposing changes to feature states of one environment, reviewing them, and
 * applying them, each step recorded in the audit trail and announced as an event. In an environment whose policy
 * requires approvals, applying an approved request is the only way its feature states change.
 */
public final class ChangeRequestUseCases {

    private ChangeRequestUseCases() {
    }

    /**
     * What to do to one feature, as the feature routes say it: a patch (its fields as in a feature update), switching
     * it on or off, deleting or restoring it; any together. {@code expectedVersion}, when given, is the version of
     * its state the proposer saw (else the current one is the base).
     */
    public record FeatureEdit(FeatureKey feature, Long expectedVersion, FeaturePatch patch, Boolean enabled,
                              FeatureStatus status) {

        public FeatureEdit {
            Objects.requireNonNull(feature, "feature");
            patch = patch == null ? new FeaturePatch(null, null, null, null, null) : patch;
        }
    }

    /**
     * A new request of feature edits and (or only) a new approval {@code policy} for the environment (null: none);
     * {@code submit} sends it for approval at once (else it is a draft).
     */
    public record Propose(Scope scope, String title, List<FeatureEdit> edits, ApprovalPolicy policy, boolean submit,
                          Origin origin) {

        public Propose {
            edits = edits == null ? List.of() : List.copyOf(edits);
        }
    }

    /**
     * The author's new proposal for a request (a rebase when it is conflicted): computed again against the features
     * as they are now; every approval is void.
     */
    public record Edit(Scope scope, UUID id, List<FeatureEdit> edits, ApprovalPolicy policy, Long expectedVersion,
                       Origin origin) {

        public Edit {
            edits = edits == null ? List.of() : List.copyOf(edits);
        }
    }

    /** A step that takes no proposal; what {@code text} and {@code at} mean depends on the step. */
    public enum Step {
        /** The author sends a draft for approval. */
        SUBMIT,
        /** An approver says yes ({@code text}: an optional comment). */
        APPROVE,
        /** An approver says no ({@code text}: the reason, required). */
        REJECT,
        /** The author takes it back ({@code text}: the reason, required). */
        WITHDRAW,
        /** Apply an approved request now. */
        APPLY,
        /** Apply an approved request at {@code at}, by the scheduler. */
        SCHEDULE,
        /** Call off a scheduled application ({@code text}: the reason, required). */
        CANCEL,
        /** Review a break-glass change afterwards, as someone other than its author ({@code text}: a comment). */
        SIGN_OFF
    }

    /**
     * An emergency change, applied at once without approval by a person holding a break-glass role of the
     * environment's policy ({@code roles}: theirs there), with the reason (required); recorded CRITICAL and open for
     * review until someone else signs it off.
     */
    public record BreakGlass(Scope scope, List<FeatureEdit> edits, String reason, Set<Role> roles, Origin origin) {

        public BreakGlass {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * One step by the origin's actor; {@code roles}: the actor's roles where the request is (global and granted, the
     * hierarchy applied), which decide whether they may approve or reject.
     */
    public record TakeStep(Scope scope, UUID id, Step step, String text, Instant at, Long expectedVersion,
                           Set<Role> roles, Origin origin) {

        public TakeStep {
            Objects.requireNonNull(step, "step");
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /**
     * One environment's requests, newest first, in any of {@code states} (every state when empty), by {@code author}
     * and approved by {@code approver} (actor references: {@code user:<id>}; null: anyone).
     */
    public record Listing(Scope scope, Set<ChangeRequestState> states, String author, String approver, int limit,
                          String cursor) {

        public Listing {
            states = states == null ? Set.of() : Set.copyOf(states);
        }
    }

    public interface ManageChangeRequestsUseCase {

        ChangeRequest propose(Propose command);

        ChangeRequest breakGlass(BreakGlass command);

        ChangeRequest edit(Edit command);

        ChangeRequest take(TakeStep command);
    }

    /**
     * The scheduler: applies every scheduled request that is due, each in a transaction of its own, as the system
     * (the request keeps who approved it). Every instance runs it; the request's lock lets one apply it, exactly once.
     * A request that cannot be applied any more (its environment is gone, the policy now needs more approvals) is
     * cancelled with the reason; one whose features moved on is conflicted, as a person's apply would make it.
     */
    public interface ApplyScheduledChangeRequestsUseCase {

        /** How many of the due requests this call applied. */
        int applyDue();
    }

    public interface ReadChangeRequestsUseCase {

        /** {@code change_request.not_found} unless the request is of this scope. */
        ChangeRequest get(Scope scope, UUID id);

        Page<ChangeRequest> list(Listing listing);
    }
}
