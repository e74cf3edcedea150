package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.command;

import io.flagtrail.application.contract.Samples;
import io.flagtrail.application.contract.Stores;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.TickingClock;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.ServerSecrets;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;

/** A Micronaut context on a fresh database of the subclass's choosing, with the persistence adapters injected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest implements TestPropertyProvider {

    @Inject Features features;
    @Inject io.flagtrail.application.port.out.Projects projects;
    @Inject AuditLedger ledger;
    @Inject Transactions transactions;
    @Inject ServerSecrets secrets;
    @Inject io.flagtrail.application.port.out.LedgerChain chain;
    @Inject io.flagtrail.application.port.out.Checkpoints checkpoints;
    @Inject io.flagtrail.application.port.out.LedgerRetention retention;
    @Inject io.flagtrail.application.port.out.LegalHolds holds;
    @Inject io.flagtrail.application.port.out.EventPublisher events;
    @Inject io.flagtrail.application.port.out.Outbox outbox;
    @Inject io.flagtrail.application.port.out.LoginAttempts loginAttempts;
    @Inject io.flagtrail.application.port.out.Sessions sessions;
    @Inject io.flagtrail.application.port.out.Users users;
    @Inject io.flagtrail.application.port.out.LedgerTree tree;
    @Inject io.flagtrail.application.port.out.WitnessedCheckpoints witnessed;
    @Inject io.flagtrail.application.port.out.LedgerPartitions partitions;
    @Inject io.flagtrail.application.port.out.ChangeRequests changeRequests;

    final TestDatabase.Target database = database();
    /** The time of every change the tests make: strictly increasing, so "between two changes" needs no sleep. */
    final TickingClock clock = new TickingClock();

    abstract TestDatabase.Target database();

    @Override
    public Map<String, String> getProperties() {
        var props = new java.util.HashMap<String, String>();
        database.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("flyway.datasources.default.enabled", "true");
        props.put("datasources.default.maximum-pool-size", "12");
        return props;
    }

    /** The JDBC adapters as the storage contract sees them. */
    public Stores stores() {
        return new Stores(features, projects, ledger, chain, tree, checkpoints, retention, events, transactions, secrets, loginAttempts,
                sessions, users, witnessed, partitions, changeRequests);
    }

    /** The project of {@link Samples#SOLO}, where the tests' features go (one entry per creation). */
    @org.junit.jupiter.api.BeforeAll
    void addSoloProject() {
        Samples.addSolo(projects);
    }

    /** The feature use cases wired onto the JDBC adapters. */
    FeatureCommandService recorder() {
        return io.flagtrail.application.fakes.Wiring.featureCommands(features, projects, ledger, events, transactions,
                clock, new Samples.RandomIds(), new RecordingLogger(),
                new io.flagtrail.application.fakes.CountingMetrics());
    }

    /** {@code count} changes to one feature (created first when it does not exist), each its own transaction. */
    void changes(FeatureKey key, int count) {
        var recorder = recorder();
        int start = 0;
        if (io.flagtrail.application.contract.Samples.stored(features, key).isEmpty()) {
            recorder.create(command(key, null));
            start = 1;
        }
        var update = recorder;
        for (int i = start; i < count; i++) {
            int rollout = io.flagtrail.application.contract.Samples.stored(features, key).orElseThrow().attributes().rolloutPercentage() == 50 ? 51 : 50;
            update.update(new UpdateFeatureCommand(io.flagtrail.application.contract.Samples.SOLO, key, new FeaturePatch(null, null, rollout, null, null), null, null,
                    ORIGIN));
        }
    }
}
