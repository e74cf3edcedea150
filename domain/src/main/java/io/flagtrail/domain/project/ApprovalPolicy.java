package io.flagtrail.domain.project;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.Violations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How changes to an environment's feature states are approved: how many approvals a change request needs (0: changes
 * are made directly), who may give one (holders of a role, or named users), and whether the author may approve their
 * own request (never, unless the policy says so). An approval never survives an edit of the request: that is not
 * a choice of the policy. Holders of a {@code breakGlassRoles} role may, in an emergency, change a feature state at
 * once with a reason (recorded CRITICAL, reviewed afterwards by someone else); none may by default.
 */
public record ApprovalPolicy(int requiredApprovals, Set<Role> approverRoles, Set<String> approverUsers,
                             boolean authorMayApprove, Set<Role> breakGlassRoles) {

    public static final int MAX_APPROVALS = 10;

    /** Changes are made directly: what every environment has until its policy says otherwise. */
    public static final ApprovalPolicy DIRECT = new ApprovalPolicy(0, Set.of(), Set.of(), false);

    /** A policy with no break-glass role. */
    public ApprovalPolicy(int requiredApprovals, Set<Role> approverRoles, Set<String> approverUsers,
                          boolean authorMayApprove) {
        this(requiredApprovals, approverRoles, approverUsers, authorMayApprove, Set.of());
    }

    public ApprovalPolicy {
        breakGlassRoles = breakGlassRoles == null ? Set.of() : Set.copyOf(breakGlassRoles);
        approverRoles = approverRoles == null ? Set.of() : Set.copyOf(approverRoles);
        approverUsers = approverUsers == null ? Set.of() : Set.copyOf(approverUsers);
        new Violations()
                .check(requiredApprovals >= 0 && requiredApprovals <= MAX_APPROVALS, "requiredApprovals",
                        "must be between 0 and " + MAX_APPROVALS)
                .check(requiredApprovals == 0 || !approverRoles.isEmpty() || !approverUsers.isEmpty(), "approvers",
                        "a policy that requires approvals names who may give them (approverRoles or approverUsers)")
                .throwIfAny();
    }

    /** Whether a change to a feature's state here must go through an approved change request. */
    public boolean requiresApproval() {
        return requiredApprovals > 0;
    }

    /**
     * Refuses an approver the policy does not admit: the request's author (403 {@code change_request.self_approval},
     * whatever their roles, ADMIN included) unless the policy allows it, and anyone holding neither an approving role
     * nor a place among the named approvers (403 {@code change_request.not_an_approver}). Only people approve.
     */
    public void admit(Actor approver, Set<Role> roles, Actor author) {
        if (approver.type() != ActorType.USER) {
            throw new PermissionDenied("change_request.not_an_approver", "only a person approves a change request, "
                    + "not " + approver.type().name().toLowerCase(java.util.Locale.ROOT) + " " + approver.id());
        }
        if (!authorMayApprove && sameActor(approver, author)) {
            throw new PermissionDenied("change_request.self_approval",
                    "the author of a change request cannot approve it; someone else must");
        }
        boolean byRole = roles.stream().anyMatch(approverRoles::contains);
        if (!byRole && !approverUsers.contains(approver.id())) {
            throw new PermissionDenied("change_request.not_an_approver", "approvals here are given by "
                    + describeApprovers() + "; " + approver.displayName() + " is not one of them");
        }
    }

    /**
     * Refuses (403 {@code change_request.break_glass_not_allowed}) an actor holding none of the break-glass roles
     * here ({@code roles}: theirs where the change is); only people break glass.
     */
    public void admitBreakGlass(Actor actor, Set<Role> roles) {
        if (actor.type() != ActorType.USER || roles.stream().noneMatch(breakGlassRoles::contains)) {
            throw new PermissionDenied("change_request.break_glass_not_allowed", breakGlassRoles.isEmpty()
                    ? "this environment's policy allows no break-glass change"
                    : "a break-glass change here needs a person holding "
                    + String.join(" or ", breakGlassRoles.stream().map(Enum::name).sorted().toList()));
        }
    }

    /** The audited picture, as JSON-friendly values in a fixed order (roles and named users sorted). */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("requiredApprovals", requiredApprovals);
        map.put("approverRoles", approverRoles.stream().map(Enum::name).sorted().toList());
        map.put("approverUsers", approverUsers.stream().sorted().toList());
        map.put("authorMayApprove", authorMayApprove);
        map.put("breakGlassRoles", breakGlassRoles.stream().map(Enum::name).sorted().toList());
        return map;
    }

    /** The policy {@link #snapshot()} describes. */
    public static ApprovalPolicy fromSnapshot(Map<String, Object> snapshot) {
        return new ApprovalPolicy(((Number) snapshot.get("requiredApprovals")).intValue(),
                Role.parseAll("approverRoles", strings(snapshot.get("approverRoles"))),
                Set.copyOf(strings(snapshot.get("approverUsers"))), Boolean.TRUE.equals(snapshot.get("authorMayApprove")),
                Role.parseAll("breakGlassRoles", strings(snapshot.get("breakGlassRoles"))));
    }

    private static java.util.List<String> strings(Object listed) {
        return listed instanceof java.util.List<?> list ? list.stream().map(String::valueOf).toList()
                : java.util.List.of();
    }

    /** Whether two actors are the same one (a user is never the same as an API key with the same id). */
    public static boolean sameActor(Actor one, Actor other) {
        return one.type() == other.type() && one.id().equals(other.id());
    }

    private String describeApprovers() {
        var roles = approverRoles.stream().map(Enum::name).sorted().toList();
        return (roles.isEmpty() ? "" : "holders of " + String.join(" or ", roles))
                + (roles.isEmpty() || approverUsers.isEmpty() ? "" : " and ")
                + (approverUsers.isEmpty() ? "" : approverUsers.size() + " named users");
    }
}
