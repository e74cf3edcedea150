package io.flagtrail.domain.changerequest;

import io.flagtrail.domain.project.ApprovalPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.domain.actor.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The change request's rules, one by one. */
class ChangeRequestTest {

    static final Scope PRODUCTION = new Scope(new ProjectKey("web"), EnvironmentKey.PRODUCTION);
    static final FeatureKey CHECKOUT = new FeatureKey("checkout");
    static final Actor ALICE = person("alice");
    static final Actor BOB = person("bob");
    static final Actor CAROL = person("carol");
    static final ApprovalPolicy TWO_EDITORS = new ApprovalPolicy(2, Set.of(Role.EDITOR), Set.of(), false);
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    static Actor person(String id) {
        return new Actor(ActorType.USER, id, id, id + "@example.com");
    }

    static ProposedChange switchOn(long base) {
        return new ProposedChange(CHECKOUT, base, Map.of("enabled", false), Map.of("enabled", true));
    }

    static ChangeRequest submitted() {
        var drafted = ChangeRequest.draft(UUID.randomUUID(), PRODUCTION, "Switch checkout on", ALICE,
                List.of(switchOn(3)), T0).after();
        return drafted.submit(ALICE, T0.plusSeconds(1)).after();
    }

    @Test
    void the_author_never_approves_their_own_request_whatever_their_roles() {
        var request = submitted();

        var refused = assertThrows(PermissionDenied.class, () -> request.approve(ALICE,
                Set.of(Role.ADMIN, Role.EDITOR, Role.VIEWER), TWO_EDITORS, "lgtm", null, T0.plusSeconds(2)));

        assertEquals("change_request.self_approval", refused.code());
    }

    @Test
    void it_is_approved_with_the_approvals_the_policy_requires_each_from_another_approver() {
        var once = submitted().approve(BOB, Set.of(Role.EDITOR), TWO_EDITORS, "fine", null, T0.plusSeconds(2)).after();
        assertEquals(ChangeRequestState.SUBMITTED, once.state());
        assertThrows(Conflict.class, () -> once.approve(BOB, Set.of(Role.EDITOR), TWO_EDITORS, null, null,
                T0.plusSeconds(3)), "one approval per approver");
        assertThrows(PermissionDenied.class, () -> once.approve(CAROL, Set.of(Role.VIEWER), TWO_EDITORS, null, null,
                T0.plusSeconds(3)), "a VIEWER is not an approver here");

        var twice = once.approve(CAROL, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(3)).after();

        assertEquals(ChangeRequestState.APPROVED, twice.state());
        assertEquals(List.of(BOB, CAROL), twice.approvals().stream().map(Approval::approver).toList());
    }

    @Test
    void an_edit_voids_every_approval_and_submits_the_request_again() {
        var approved = submitted().approve(BOB, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(2)).after()
                .approve(CAROL, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(3)).after();

        var edited = approved.edit(List.of(new ProposedChange(CHECKOUT, 3, Map.of("rolloutPercentage", 10),
                Map.of("rolloutPercentage", 100))), ALICE, approved.version(), T0.plusSeconds(4)).after();

        assertEquals(ChangeRequestState.SUBMITTED, edited.state());
        assertTrue(edited.approvals().isEmpty());
        assertThrows(PermissionDenied.class, () -> edited.edit(List.of(switchOn(3)), BOB, null, T0.plusSeconds(5)),
                "only the author edits");
        assertThrows(Conflict.class, () -> edited.apply(Map.of(CHECKOUT, 3L), TWO_EDITORS, ALICE, T0.plusSeconds(5)));
    }

    @Test
    void applying_needs_the_approvals_and_the_versions_it_was_based_on_else_it_is_conflicted() {
        var approved = submitted().approve(BOB, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(2)).after()
                .approve(CAROL, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(3)).after();
        var stricter = new ApprovalPolicy(3, Set.of(Role.EDITOR), Set.of(), false);

        var missing = assertThrows(Conflict.class, () -> approved.apply(Map.of(CHECKOUT, 3L), stricter, ALICE,
                T0.plusSeconds(4)));
        assertEquals("change_request.not_approved", missing.code());
        var conflicted = approved.apply(Map.of(CHECKOUT, 4L), TWO_EDITORS, ALICE, T0.plusSeconds(4));
        assertEquals(ChangeRequestAction.CONFLICTED, conflicted.action());
        assertTrue(conflicted.after().decision().contains("checkout (based on version 3, now 4)"));
        assertEquals("change_request.conflicted", assertThrows(Conflict.class, () -> conflicted.after()
                .apply(Map.of(CHECKOUT, 4L), TWO_EDITORS, ALICE, T0.plusSeconds(5))).code());

        var rebased = conflicted.after().edit(List.of(switchOn(4)), ALICE, null, T0.plusSeconds(6)).after();
        assertEquals(ChangeRequestState.SUBMITTED, rebased.state(), "rebased, to be approved again");

        var applied = approved.apply(Map.of(CHECKOUT, 3L), TWO_EDITORS, ALICE, T0.plusSeconds(4));
        assertEquals(ChangeRequestState.APPLIED, applied.after().state());
    }

    @Test
    void a_rejection_or_withdrawal_keeps_its_reason_and_is_final() {
        var request = submitted();
        assertThrows(InvalidInput.class, () -> request.reject(BOB, Set.of(Role.EDITOR), TWO_EDITORS, " ", T0));

        var rejected = request.reject(BOB, Set.of(Role.EDITOR), TWO_EDITORS, "not before the sale", T0.plusSeconds(2))
                .after();

        assertEquals(ChangeRequestState.REJECTED, rejected.state());
        assertEquals("not before the sale", rejected.decision());
        assertEquals(BOB, rejected.decidedBy());
        assertThrows(Conflict.class, () -> rejected.withdraw(ALICE, "too late", T0.plusSeconds(3)));
        assertThrows(Conflict.class, () -> rejected.edit(List.of(switchOn(3)), ALICE, null, T0.plusSeconds(3)));
        var withdrawn = submitted().withdraw(ALICE, "wrong feature", T0.plusSeconds(2)).after();
        assertEquals(ChangeRequestState.WITHDRAWN, withdrawn.state());
        assertThrows(PermissionDenied.class, () -> submitted().withdraw(BOB, "mine now", T0.plusSeconds(2)));
    }

    @Test
    void a_schedule_lies_in_the_future_applies_when_due_and_can_be_cancelled_with_a_reason() {
        var approved = submitted().approve(BOB, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(2)).after()
                .approve(CAROL, Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(3)).after();
        assertThrows(InvalidInput.class, () -> approved.schedule(ALICE, T0, T0.plusSeconds(4)), "in the past");

        var scheduled = approved.schedule(ALICE, T0.plusSeconds(3600), T0.plusSeconds(4)).after();

        assertEquals("change_request.not_due", assertThrows(Conflict.class, () -> scheduled.apply(Map.of(CHECKOUT, 3L),
                TWO_EDITORS, Actor.system("scheduler"), T0.plusSeconds(60))).code());
        var applied = scheduled.apply(Map.of(CHECKOUT, 3L), TWO_EDITORS, Actor.system("scheduler"),
                T0.plusSeconds(3600)).after();
        assertEquals(ChangeRequestState.APPLIED, applied.state());
        assertEquals(Actor.system("scheduler"), applied.decidedBy(), "the system applied it");
        var cancelled = scheduled.cancel(BOB, "postponed", T0.plusSeconds(5)).after();
        assertEquals(ChangeRequestState.CANCELLED, cancelled.state());
        assertEquals("postponed", cancelled.decision());
    }

    @Test
    void only_people_approve_and_a_named_approver_needs_no_role() {
        var named = new ApprovalPolicy(1, Set.of(), Set.of("carol"), false);
        var request = submitted();

        assertThrows(PermissionDenied.class, () -> request.approve(new Actor(ActorType.API_KEY, "k1", "ci", null),
                Set.of(Role.EDITOR), TWO_EDITORS, null, null, T0.plusSeconds(2)));
        assertEquals(ChangeRequestState.APPROVED, request.approve(CAROL, Set.of(), named, null, null,
                T0.plusSeconds(2)).after().state());
        assertThrows(PermissionDenied.class, () -> request.approve(BOB, Set.of(Role.ADMIN), named, null, null,
                T0.plusSeconds(2)));
        assertThrows(InvalidInput.class, () -> new ApprovalPolicy(1, Set.of(), Set.of(), false),
                "a policy that requires approvals names its approvers");
        assertNull(ChangeRequest.draft(UUID.randomUUID(), PRODUCTION, "t", ALICE, List.of(switchOn(1)), T0).before());
    }

    @Test
    void a_request_changes_each_feature_once_and_changes_something() {
        assertThrows(InvalidInput.class, () -> ChangeRequest.draft(UUID.randomUUID(), PRODUCTION, "t", ALICE,
                List.of(switchOn(1), switchOn(1)), T0));
        assertThrows(InvalidInput.class, () -> ChangeRequest.draft(UUID.randomUUID(), PRODUCTION, "t", ALICE,
                List.of(new ProposedChange(CHECKOUT, 1, Map.of("enabled", true), Map.of("enabled", true))), T0));
        assertThrows(InvalidInput.class, () -> ChangeRequest.draft(UUID.randomUUID(), PRODUCTION, "", ALICE,
                List.of(switchOn(1)), T0));
    }

    @Test
    void a_break_glass_change_needs_a_reason_and_the_base_versions_and_only_someone_else_closes_its_review() {
        assertThrows(InvalidInput.class, () -> ChangeRequest.breakGlass(UUID.randomUUID(), PRODUCTION, " ", ALICE,
                List.of(switchOn(3)), Map.of(CHECKOUT, 3L), T0));
        assertThrows(StaleVersion.class, () -> ChangeRequest.breakGlass(UUID.randomUUID(), PRODUCTION, "down", ALICE,
                List.of(switchOn(3)), Map.of(CHECKOUT, 4L), T0), "worked out on a state that moved on since");
        var broke = ChangeRequest.breakGlass(UUID.randomUUID(), PRODUCTION, "payments down", ALICE,
                List.of(switchOn(3)), Map.of(CHECKOUT, 3L), T0);
        assertEquals(ChangeRequestAction.BREAK_GLASS, broke.action());
        var pending = broke.after();
        assertEquals(ChangeRequestState.REVIEW_PENDING, pending.state());
        assertEquals("payments down", pending.decision());

        var selfReview = new ApprovalPolicy(1, Set.of(Role.EDITOR), Set.of(), true);
        assertEquals("change_request.self_approval", assertThrows(PermissionDenied.class, () -> pending.signOff(ALICE,
                Set.of(Role.ADMIN, Role.EDITOR), selfReview, null, T0.plusSeconds(1))).code(),
                "not even a policy that lets authors approve lets them review their own break-glass change");
        assertThrows(Conflict.class, () -> pending.withdraw(ALICE, "hide it", T0.plusSeconds(1)));
        var reviewed = pending.signOff(BOB, Set.of(Role.EDITOR), TWO_EDITORS, "right call", T0.plusSeconds(2)).after();
        assertEquals(ChangeRequestState.REVIEWED, reviewed.state());
        assertEquals(BOB, reviewed.approvals().getLast().approver());
        assertTrue(reviewed.state().isFinal());
    }
}
