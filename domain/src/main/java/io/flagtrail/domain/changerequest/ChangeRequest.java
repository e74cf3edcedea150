package io.flagtrail.domain.changerequest;

import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.change.Text;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.domain.actor.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A proposal to change feature states in one environment, reviewed before it is applied: four eyes as a domain rule.
 * Immutable: each step answers the {@link ChangeRequestChanged} holding the request after it, or refuses.
 *
 * <ul>
 *   <li>Only the author edits, submits, withdraws; an edit voids every approval (the approved diff is not the one
 *   that would be applied) and submits the request again.</li>
 *   <li>An approval is admitted by the environment's {@link ApprovalPolicy} (never the author's own, unless the
 *   policy allows it; ADMIN is not exempt), once per approver; the request is APPROVED when it has as many as the
 *   policy requires.</li>
 *   <li>Applying re-checks the policy (it may have become stricter) and that every feature is still at the version
 *   the request was based on; if one moved, the request is CONFLICTED and nothing is applied.</li>
 *   <li>A rejection, withdrawal or cancellation needs a reason and stays, with it, for the record.</li>
 * </ul>
 */
public record ChangeRequest(UUID id, Scope scope, String title, Actor author, ChangeRequestState state,
                            List<ProposedChange> changes, ApprovalPolicy policy, List<Approval> approvals,
                            Actor decidedBy, String decision,
                            Instant scheduledFor, long version, Instant createdAt, Instant updatedAt) {

    /** The subject type of a change request's audit entries. */
    public static final String SUBJECT_TYPE = "change-request";
    /**
     * How the reason of every change a request applies begins ({@link #reasonOfItsChanges()}), group 2 its id: what
     * the change-management report reads to find the request that covers a change.
     */
    public static final Pattern REASON_OF_ITS_CHANGES = Pattern.compile(
            "^(change request|break-glass change) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}): ");
    public static final int MAX_TITLE = 200;
    public static final int MAX_CHANGES = 100;
    public static final int MAX_TEXT = 500;

    public ChangeRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
        approvals = List.copyOf(approvals);
    }

    /** A new request of feature changes, not yet submitted: its author may still change it at will. */
    public static ChangeRequestChanged draft(UUID id, Scope scope, String title, Actor author,
                                             List<ProposedChange> changes, Instant at) {
        return draft(id, scope, title, author, changes, null, at);
    }

    /**
     * A new request, not yet submitted, of feature changes and (or only) a new approval {@code policy} for its
     * environment: in a protected environment the policy itself changes only through an approved request.
     */
    public static ChangeRequestChanged draft(UUID id, Scope scope, String title, Actor author,
                                             List<ProposedChange> changes, ApprovalPolicy policy, Instant at) {
        requireTitle(title);
        requireProposal(changes, policy);
        return new ChangeRequestChanged(ChangeRequestAction.DRAFTED, null, new ChangeRequest(id, scope, title.strip(),
                author, ChangeRequestState.DRAFT, changes, policy, List.of(), null, null, null, 1, at, at));
    }

    /**
     * A break-glass change: applied at once by {@code actor} (whom the policy admits for it), with the reason, and
     * open for a retrospective review until someone else signs it off. {@code current}: each feature's state version
     * now, which must still be the one the changes were worked out on.
     */
    public static ChangeRequestChanged breakGlass(UUID id, Scope scope, String reason, Actor actor,
                                                  List<ProposedChange> changes, Map<FeatureKey, Long> current,
                                                  Instant at) {
        var why = requiredText("reason", reason);
        requireChanges(changes);
        for (var change : changes) {
            Long now = current.get(change.feature());
            if (now == null || now != change.baseVersion()) {
                throw new StaleVersion("feature '" + change.feature() + "'", change.baseVersion(), now == null ? 0 : now);
            }
        }
        var title = "Break-glass: " + why.lines().findFirst().orElse(why);
        return new ChangeRequestChanged(ChangeRequestAction.BREAK_GLASS, null, new ChangeRequest(id, scope,
                title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE) : title, actor,
                ChangeRequestState.REVIEW_PENDING, changes, null, List.of(), actor, why, null, 1, at, at));
    }

    /**
     * The retrospective review of a break-glass change, by a reviewer the policy admits as an approver (never its
     * author, ADMIN included): closes it.
     */
    public ChangeRequestChanged signOff(Actor reviewer, Set<Role> roles, ApprovalPolicy policy, String comment,
                                        Instant at) {
        if (state != ChangeRequestState.REVIEW_PENDING) {
            throw notNow("signed off");
        }
        // the policy's approvers review (an ADMIN where it names none now); the author never, whatever it allows
        boolean named = !policy.approverRoles().isEmpty() || !policy.approverUsers().isEmpty();
        var byPolicy = new ApprovalPolicy(1, named ? policy.approverRoles() : Set.of(Role.ADMIN),
                policy.approverUsers(), false);
        byPolicy.admit(reviewer, roles, author);
        var given = new ArrayList<>(approvals);
        given.add(new Approval(reviewer, at, optionalText("comment", comment)));
        return step(ChangeRequestAction.SIGNED_OFF, copy(ChangeRequestState.REVIEWED, changes, given, decidedBy,
                decision, null, at));
    }

    /** The author's new feature changes, the proposed policy kept: as {@link #edit(List, ApprovalPolicy, Actor, Long, Instant)}. */
    public ChangeRequestChanged edit(List<ProposedChange> changed, Actor actor, Long expected, Instant at) {
        return edit(changed, policy, actor, expected, at);
    }

    /** The author's new proposal: every approval is void, and a submitted or conflicted request is submitted again. */
    public ChangeRequestChanged edit(List<ProposedChange> changed, ApprovalPolicy newPolicy, Actor actor,
                                     Long expected, Instant at) {
        expectVersion(expected);
        requireAuthor(actor, "edit");
        if (!state.isEditable()) {
            throw notNow("edited");
        }
        requireProposal(changed, newPolicy);
        var next = state == ChangeRequestState.DRAFT ? ChangeRequestState.DRAFT : ChangeRequestState.SUBMITTED;
        var edited = copy(next, changed, List.of(), null, null, null, at);
        return step(ChangeRequestAction.EDITED, new ChangeRequest(id, scope, title, author, next, changed, newPolicy,
                List.of(), null, null, null, edited.version(), createdAt, edited.updatedAt()));
    }

    public ChangeRequestChanged submit(Actor actor, Instant at) {
        requireAuthor(actor, "submit");
        if (state != ChangeRequestState.DRAFT) {
            throw notNow("submitted");
        }
        return step(ChangeRequestAction.SUBMITTED, copy(ChangeRequestState.SUBMITTED, changes, approvals, null, null,
                null, at));
    }

    /**
     * One approval, admitted by {@code policy} ({@code roles}: the approver's roles where the request is); the
     * request is APPROVED once it has the approvals the policy requires.
     */
    public ChangeRequestChanged approve(Actor approver, Set<Role> roles, ApprovalPolicy policy, String comment,
                                        Long expected, Instant at) {
        expectVersion(expected);
        if (state != ChangeRequestState.SUBMITTED) {
            throw notNow("approved");
        }
        policy.admit(approver, roles, author);
        if (approvals.stream().anyMatch(a -> ApprovalPolicy.sameActor(a.approver(), approver))) {
            throw new Conflict("change_request.already_approved", approver.displayName()
                    + " has approved this request already; another approver is needed");
        }
        var given = new ArrayList<>(approvals);
        given.add(new Approval(approver, at, optionalText("comment", comment)));
        var next = given.size() >= policy.requiredApprovals() ? ChangeRequestState.APPROVED
                : ChangeRequestState.SUBMITTED;
        return step(ChangeRequestAction.APPROVED, copy(next, changes, given, null, null, null, at));
    }

    /** An approver's no, with the reason: final, and kept. */
    public ChangeRequestChanged reject(Actor approver, Set<Role> roles, ApprovalPolicy policy, String reason,
                                       Instant at) {
        if (state != ChangeRequestState.SUBMITTED && state != ChangeRequestState.APPROVED) {
            throw notNow("rejected");
        }
        policy.admit(approver, roles, author);
        return step(ChangeRequestAction.REJECTED, copy(ChangeRequestState.REJECTED, changes, approvals, approver,
                requiredText("reason", reason), null, at));
    }

    /** The author takes the request back, with the reason: final, and kept. */
    public ChangeRequestChanged withdraw(Actor actor, String reason, Instant at) {
        requireAuthor(actor, "withdraw");
        if (state.isFinal() || state == ChangeRequestState.REVIEW_PENDING) {
            throw notNow("withdrawn");
        }
        return step(ChangeRequestAction.WITHDRAWN, copy(ChangeRequestState.WITHDRAWN, changes, approvals, actor,
                requiredText("reason", reason), null, at));
    }

    /** An approved request, to be applied at {@code when} (after now) by the scheduler, not by a person. */
    public ChangeRequestChanged schedule(Actor actor, Instant when, Instant at) {
        if (state != ChangeRequestState.APPROVED) {
            throw notNow("scheduled");
        }
        if (when == null || !when.isAfter(at)) {
            throw InvalidInput.of("at", "must be an instant after now (" + at + ")");
        }
        return step(ChangeRequestAction.SCHEDULED, copy(ChangeRequestState.SCHEDULED, changes, approvals, actor, null,
                when, at));
    }

    public ChangeRequestChanged cancel(Actor actor, String reason, Instant at) {
        if (state != ChangeRequestState.SCHEDULED) {
            throw notNow("cancelled");
        }
        return step(ChangeRequestAction.CANCELLED, copy(ChangeRequestState.CANCELLED, changes, approvals, actor,
                requiredText("reason", reason), scheduledFor, at));
    }

    /**
     * Applies the request, or finds that it cannot be: it must have the approvals {@code policy} requires now (409
     * {@code change_request.not_approved} naming how many are missing), be due when scheduled, and find every
     * feature at the version it was based on ({@code current}: each feature's state version now). A feature that
     * moved on makes the request CONFLICTED (answered, so that it is recorded) and nothing is applied.
     */
    public ChangeRequestChanged apply(Map<FeatureKey, Long> current, ApprovalPolicy policy, Actor actor, Instant at) {
        if (state == ChangeRequestState.CONFLICTED) {
            throw new Conflict("change_request.conflicted", "the request is conflicted: features it changes moved on "
                    + "since it was based on them; rebase it (edit), and have it approved again");
        }
        if (state != ChangeRequestState.APPROVED && state != ChangeRequestState.SCHEDULED) {
            throw new Conflict("change_request.not_approved", "a " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + " request cannot be applied: it needs " + missing(policy) + " more approval(s) first");
        }
        if (approvals.size() < policy.requiredApprovals()) {
            throw new Conflict("change_request.not_approved", "the environment's policy now requires "
                    + policy.requiredApprovals() + " approvals; the request has " + approvals.size());
        }
        if (state == ChangeRequestState.SCHEDULED && at.isBefore(scheduledFor)) {
            throw new Conflict("change_request.not_due", "the request is scheduled for " + scheduledFor);
        }
        var moved = new ArrayList<String>();
        for (var change : changes) {
            Long now = current.get(change.feature());
            if (now == null || now != change.baseVersion()) {
                moved.add(change.feature() + " (based on version " + change.baseVersion() + ", now "
                        + (now == null ? "gone" : now) + ")");
            }
        }
        if (!moved.isEmpty()) {
            return step(ChangeRequestAction.CONFLICTED, copy(ChangeRequestState.CONFLICTED, changes, approvals, actor,
                    "moved on: " + String.join(", ", moved), null, at));
        }
        return step(ChangeRequestAction.APPLIED, copy(ChangeRequestState.APPLIED, changes, approvals, actor, null,
                scheduledFor, at));
    }

    /** The reason every change this request applies carries: it names the request, and why it was made. */
    public Reason reasonOfItsChanges() {
        boolean breakGlass = state == ChangeRequestState.REVIEW_PENDING || state == ChangeRequestState.REVIEWED;
        return Reason.clipped((breakGlass ? "break-glass change " : "change request ") + id + ": "
                + (breakGlass ? decision : title));
    }

    /**
     * The audited picture: where, what and who, in a fixed order, as JSON-friendly values. Each proposed change keeps
     * its before and after, so the entry of an approval proves exactly what was approved.
     */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("project", scope.project().value());
        map.put("environment", scope.environment().value());
        map.put("title", title);
        map.put("state", state.name());
        map.put("author", author.reference());
        map.put("changes", changes.stream().map(ProposedChange::json).toList());
        map.put("approvalPolicy", policy == null ? null : policy.snapshot());
        map.put("approvals", approvals.stream().map(a -> {
            var approval = new LinkedHashMap<String, Object>();
            approval.put("approver", a.approver().reference());
            approval.put("at", a.at().toString());
            approval.put("comment", a.comment());
            return approval;
        }).toList());
        map.put("decidedBy", decidedBy == null ? null : decidedBy.reference());
        map.put("decision", decision);
        map.put("scheduledFor", scheduledFor == null ? null : scheduledFor.toString());
        map.put("version", version);
        return map;
    }

    private int missing(ApprovalPolicy policy) {
        return Math.max(1, policy.requiredApprovals() - approvals.size());
    }

    private void expectVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new StaleVersion("change request " + id, expected, version);
        }
    }

    private void requireAuthor(Actor actor, String what) {
        if (!ApprovalPolicy.sameActor(actor, author)) {
            throw new PermissionDenied("change_request.not_the_author", "only the author of a change request may "
                    + what + " it");
        }
    }

    private Conflict notNow(String what) {
        return new Conflict("change_request." + state.name().toLowerCase(java.util.Locale.ROOT),
                "a " + state.name().toLowerCase(java.util.Locale.ROOT) + " change request cannot be " + what);
    }

    private ChangeRequestChanged step(ChangeRequestAction action, ChangeRequest after) {
        return new ChangeRequestChanged(action, this, after);
    }

    private ChangeRequest copy(ChangeRequestState newState, List<ProposedChange> newChanges, List<Approval> newApprovals,
                               Actor newDecidedBy, String newDecision, Instant newScheduledFor, Instant at) {
        var stamped = at.isBefore(updatedAt) ? updatedAt : at;
        return new ChangeRequest(id, scope, title, author, newState, newChanges, policy, newApprovals, newDecidedBy,
                newDecision, newScheduledFor, version + 1, createdAt, stamped);
    }

    private static void requireTitle(String title) {
        if (title == null || title.isBlank() || title.length() > MAX_TITLE || Text.hasControlCharacters(title, false)) {
            throw InvalidInput.of("title", "must be 1-" + MAX_TITLE + " characters on one line");
        }
    }

    /** Feature changes, or a policy, or both. */
    private static void requireProposal(List<ProposedChange> changes, ApprovalPolicy policy) {
        if (policy == null || changes != null && !changes.isEmpty()) {
            requireChanges(changes);
        }
    }

    private static void requireChanges(List<ProposedChange> changes) {
        if (changes == null || changes.isEmpty() || changes.size() > MAX_CHANGES) {
            throw InvalidInput.of("changes", "must hold 1-" + MAX_CHANGES + " feature changes (or an approvalPolicy "
                    + "to propose)");
        }
        Set<FeatureKey> seen = new HashSet<>();
        for (var change : changes) {
            if (!seen.add(change.feature())) {
                throw InvalidInput.of("changes", "changes feature '" + change.feature() + "' twice; one change each");
            }
            if (change.changesNothing()) {
                throw InvalidInput.of("changes", "the change of '" + change.feature() + "' changes nothing");
            }
        }
    }

    private static String requiredText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "is required: it stays on the record");
        }
        return optionalText(field, text);
    }

    private static String optionalText(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_TEXT) {
            throw InvalidInput.of(field, "must be at most " + MAX_TEXT + " characters");
        }
        return text.strip();
    }
}
