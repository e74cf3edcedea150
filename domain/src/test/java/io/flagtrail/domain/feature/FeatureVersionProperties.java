package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.domain.error.Conflict;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over any sequence of operations in any environment, each environment's version counts exactly the changes that
 * changed what it shows, and a change seen in one environment is never seen in another unless it changed the
 * shared definition.
 */
class FeatureVersionProperties {

    @Property(tries = 300)
    void the_version_grows_by_one_per_recorded_event_and_events_chain(@ForAll("operations") List<Operation> operations) {
        var feature = FeatureMother.disabled();
        int second = 1;
        var events = new java.util.HashMap<io.flagtrail.domain.project.EnvironmentKey, Integer>();
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
                events.merge(event.after().environment(), 1, Integer::sum);
            }
        }
        for (var environment : List.of(FeatureMother.DEVELOPMENT, FeatureMother.PRODUCTION)) {
            assertEquals(1 + events.getOrDefault(environment, 0), feature.in(environment).version());
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> patch = Combinators.combine(
                Arbitraries.of("A", "B").injectNull(0.5),
                Arbitraries.integers().between(0, 100).injectNull(0.5),
                Arbitraries.of(List.of("x"), List.of("x", "y"), List.<String>of()).injectNull(0.5),
                Arbitraries.of(FeatureMother.DEVELOPMENT, FeatureMother.PRODUCTION))
                .as((name, rollout, tags, in) -> (f, s) -> f.update(in, new FeaturePatch(name, null, rollout, tags, null), s));
        Arbitrary<Operation> toggle = Combinators.combine(Arbitraries.of(true, false),
                Arbitraries.of(FeatureMother.DEVELOPMENT, FeatureMother.PRODUCTION))
                .as((on, in) -> on ? (Operation) (f, s) -> f.enable(in, s) : (Operation) (f, s) -> f.disable(in, s));
        Arbitrary<Operation> status = Arbitraries.of((Operation) (f, s) -> f.delete(s), (Operation) (f, s) -> f.restore(s));
        return Arbitraries.oneOf(patch, toggle, status).list().ofMaxSize(30);
    }

    interface Operation {
        void apply(Feature feature, ChangeStamp stamp);
    }
}
