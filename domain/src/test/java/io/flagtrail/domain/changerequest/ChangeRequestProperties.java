package io.flagtrail.domain.changerequest;

import io.flagtrail.domain.project.ApprovalPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.error.DomainException;
import io.flagtrail.domain.actor.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over any sequence of steps by any of three people with any roles, a request is applied only with as many approvals
 * as the policy requires, none of them the author's, every one given after the last edit of what is applied.
 */
class ChangeRequestProperties {

    static final List<Actor> PEOPLE = List.of(ChangeRequestTest.ALICE, ChangeRequestTest.BOB, ChangeRequestTest.CAROL);

    @Property(tries = 500)
    void nothing_is_applied_without_the_required_approvals_of_others_since_the_last_edit(
            @ForAll("steps") List<Step> steps) {
        var request = ChangeRequestTest.submitted();
        var policy = ChangeRequestTest.TWO_EDITORS;
        Instant lastEdit = request.updatedAt();
        Instant at = request.updatedAt();
        for (var step : steps) {
            at = at.plusSeconds(1);
            ChangeRequestChanged changed;
            try {
                changed = step.apply(request, at);
            } catch (DomainException refused) {
                continue; // refused: nothing changed
            }
            if (changed.action() == ChangeRequestAction.EDITED) {
                lastEdit = at;
            }
            if (changed.action() == ChangeRequestAction.APPLIED) {
                var applied = changed.after();
                assertTrue(applied.approvals().size() >= policy.requiredApprovals());
                assertTrue(applied.approvals().stream()
                        .noneMatch(a -> ApprovalPolicy.sameActor(a.approver(), applied.author())));
                for (var approval : applied.approvals()) {
                    assertTrue(!approval.at().isBefore(lastEdit), "an approval older than the last edit counted");
                }
                assertEquals(applied.approvals().size(), applied.approvals().stream().map(Approval::approver)
                        .distinct().count());
            }
            request = changed.after();
        }
    }

    interface Step {
        ChangeRequestChanged apply(ChangeRequest request, Instant at);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        var people = Arbitraries.of(PEOPLE);
        var roles = Arbitraries.of(Set.of(Role.EDITOR), Set.of(Role.VIEWER), Set.of(Role.ADMIN, Role.EDITOR), Set.<Role>of());
        Arbitrary<Step> approve = Combinators.combine(people, roles).as((who, held) ->
                (r, at) -> r.approve(who, held, ChangeRequestTest.TWO_EDITORS, null, null, at));
        Arbitrary<Step> edit = Combinators.combine(people, Arbitraries.longs().between(2, 4)).as((who, base) ->
                (r, at) -> r.edit(List.of(ChangeRequestTest.switchOn(base)), who, null, at));
        Arbitrary<Step> apply = Combinators.combine(people, Arbitraries.longs().between(2, 4)).as((who, now) ->
                (r, at) -> r.apply(Map.of(ChangeRequestTest.CHECKOUT, now), ChangeRequestTest.TWO_EDITORS, who, at));
        Arbitrary<Step> submit = people.map(who -> (r, at) -> r.submit(who, at));
        Arbitrary<Step> schedule = people.map(who -> (r, at) -> r.schedule(who, at.plusSeconds(2), at));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, approve), net.jqwik.api.Tuple.of(2, edit), net.jqwik.api.Tuple.of(3, apply),
                net.jqwik.api.Tuple.of(1, submit), net.jqwik.api.Tuple.of(1, schedule)).list().ofMaxSize(25);
    }
}
