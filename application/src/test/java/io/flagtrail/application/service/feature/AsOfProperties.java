package io.flagtrail.application.service.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.flagtrail.domain.project.Scope;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.FeatureState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Over any sequence of changes, the state rebuilt from the ledger equals the live feature at every step. */
class AsOfProperties {

    interface Change {
        void apply(Services services);
    }

    record Services(FeatureCommandService update, FeatureCommandService transition) {
    }

    @Property(tries = 150)
    void the_ledger_rebuilds_every_past_state(@ForAll("changes") List<Change> changes) {
        var features = new InMemoryFeatures();
        var ledger = new InMemoryAuditLedger();
        var clock = new FixedClock(Instant.parse("2026-01-01T00:00:00Z"));
        var ids = new SequentialIds();
        var transactions = new InMemoryTransactions(features, ledger);
        var projects = io.flagtrail.application.fakes.InMemoryProjects.seeded();
        var recorder = io.flagtrail.application.fakes.Wiring.featureCommands(features, projects, ledger, new InMemoryOutbox(), transactions, clock, ids, new RecordingLogger(), new io.flagtrail.application.fakes.CountingMetrics());
        var queries = new FeatureQueryService(features, projects, ledger, new AuditTrail(ledger, clock, ids), transactions);
        var services = new Services(recorder, recorder);
        recorder.create(new CreateFeatureCommand(FeatureServicesTest.KEY,
                new FeatureAttributes("Start", "", 50, List.of(), null), false, null, FeatureServicesTest.ORIGIN));
        List<Instant> instants = new ArrayList<>();
        List<FeatureState> states = new ArrayList<>();
        instants.add(clock.now());
        states.add(queries.get(Scope.COMPATIBILITY, FeatureServicesTest.KEY));
        for (var change : changes) {
            clock.advance(Duration.ofSeconds(1));
            try {
                change.apply(services);
            } catch (Conflict refusedOnDeleted) {
                // nothing changed, nothing recorded
            }
            instants.add(clock.now());
            states.add(queries.get(Scope.COMPATIBILITY, FeatureServicesTest.KEY));
        }

        for (int i = 0; i < instants.size(); i++) {
            assertEquals(states.get(i), queries.asOf(Scope.COMPATIBILITY, FeatureServicesTest.KEY, instants.get(i), FeatureServicesTest.ORIGIN));
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<Change> patch = Combinators.combine(
                Arbitraries.of("A", "B", "Start").injectNull(0.4),
                Arbitraries.integers().between(0, 100).injectNull(0.4),
                Arbitraries.of(List.of("x"), List.<String>of()).injectNull(0.5),
                Arbitraries.of("team", "").injectNull(0.6))
                .as((name, rollout, tags, owner) -> s -> s.update().update(new UpdateFeatureCommand(
                        FeatureServicesTest.KEY, new FeaturePatch(name, null, rollout, tags, owner), null, null,
                        FeatureServicesTest.ORIGIN)));
        Arbitrary<Change> transition = Arbitraries.of(FeatureTransition.values())
                .map(t -> s -> s.transition().transition(new TransitionFeatureCommand(FeatureServicesTest.KEY, t, null,
                        null, FeatureServicesTest.ORIGIN)));
        return Arbitraries.oneOf(patch, transition).list().ofMaxSize(15);
    }
}
