package io.flagtrail.adapter.persistence;

import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.ServerSecrets;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.Reason;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/** A Micronaut context on a fresh database of the subclass's choosing, with the persistence adapters injected. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseTest implements TestPropertyProvider {

    static final Origin ORIGIN = new Origin(new Actor(ActorType.USER, "u-1", "Alice", "alice@example.com"),
            new RequestContext("req-42", null, Channel.HTTP, "127.0.0.1", "junit"));

    @Inject Features features;
    @Inject AuditLedger ledger;
    @Inject Transactions transactions;
    @Inject ServerSecrets secrets;
    @Inject io.flagtrail.application.port.out.LedgerChain chain;
    @Inject io.flagtrail.application.port.out.Checkpoints checkpoints;
    @Inject io.flagtrail.application.port.out.LedgerRetention retention;
    @Inject io.flagtrail.application.port.out.LegalHolds holds;
    @Inject io.flagtrail.application.port.out.EventPublisher events;
    @Inject io.flagtrail.application.port.out.Outbox outbox;

    final TestDatabase.Target database = database();

    abstract TestDatabase.Target database();

    @Override
    public Map<String, String> getProperties() {
        var props = new java.util.HashMap<String, String>();
        database.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("flyway.datasources.default.enabled", "true");
        props.put("datasources.default.maximum-pool-size", "12");
        return props;
    }

    FeatureCommandService recorder() {
        return io.flagtrail.application.fakes.Wiring.featureCommands(features, ledger, events, transactions, () -> Instant.now().truncatedTo(ChronoUnit.MICROS), new RandomIds(), new RecordingLogger(), new io.flagtrail.application.fakes.CountingMetrics());
    }

    static FeatureKey uniqueKey() {
        return new FeatureKey("f" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    static CreateFeatureCommand command(FeatureKey key, String reason) {
        return new CreateFeatureCommand(key, new FeatureAttributes("Name", "", 100, List.of(), null), false,
                Reason.ofNullable(reason), ORIGIN);
    }

    /** Ids that stay unique across test methods sharing one schema (sequential ones would collide). */
    static final class RandomIds implements io.flagtrail.application.port.out.IdGenerator {
        @Override
        public UUID newId() {
            return UUID.randomUUID();
        }
    }
}
