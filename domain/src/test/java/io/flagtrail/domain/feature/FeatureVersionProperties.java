package io.flagtrail.domain.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.domain.error.Conflict;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Over any sequence of operations, the version counts exactly the changes that changed something. */
class FeatureVersionProperties {

    @Property(tries = 300)
    void the_version_grows_by_one_per_recorded_event_and_events_chain(@ForAll("operations") List<Operation> operations) {
        var feature = FeatureMother.disabled();
        int second = 1;
        int events = 0;
        for (var operation : operations) {
            try {
                operation.apply(feature, FeatureMother.stamp(second++));
            } catch (Conflict refusedOnDeleted) {
                // a deleted feature refuses the change; nothing is recorded
            }
            var recorded = feature.pullEvents();
            for (var event : recorded) {
                assertEquals(event.before().version() + 1, event.after().version());
                assertEquals(event.before().snapshot().equals(event.after().snapshot()), false);
            }
            events += recorded.size();
        }
        assertEquals(1 + events, feature.state().version());
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> patch = Combinators.combine(
                Arbitraries.of("A", "B").injectNull(0.5),
                Arbitraries.integers().between(0, 100).injectNull(0.5),
                Arbitraries.of(List.of("x"), List.of("x", "y"), List.<String>of()).injectNull(0.5))
                .as((name, rollout, tags) -> (f, s) -> f.update(new FeaturePatch(name, null, rollout, tags, null), s));
        Arbitrary<Operation> simple = Arbitraries.of(
                (f, s) -> f.enable(s), (f, s) -> f.disable(s), (f, s) -> f.delete(s), (f, s) -> f.restore(s));
        return Arbitraries.oneOf(patch, simple).list().ofMaxSize(30);
    }

    interface Operation {
        void apply(Feature feature, ChangeStamp stamp);
    }
}
