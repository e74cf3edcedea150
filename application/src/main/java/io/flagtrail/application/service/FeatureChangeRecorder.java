package io.flagtrail.application.service;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.feature.ChangeStamp;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.Reason;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The one path every feature change takes: inside one transaction, load (or create), check the expected
 * version, apply the aggregate's behaviour, and store the new state together with its audit entries and the events
 * it publishes.
 * A change that changed nothing stores and records nothing.
 */
public final class FeatureChangeRecorder {

    private final Features features;
    private final AuditLedger ledger;
    private final EventPublisher events;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final AppLogger log;
    private final BusinessMetrics metrics;
    private final FeatureLedgerEntries entries;
    private final FeatureEventMessages messages;

    public FeatureChangeRecorder(Features features, AuditLedger ledger, EventPublisher events, Transactions transactions,
                                 Clock clock, IdGenerator ids, AppLogger log, BusinessMetrics metrics) {
        this.features = features;
        this.ledger = ledger;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.log = log;
        this.metrics = metrics;
        this.entries = new FeatureLedgerEntries(ids);
        this.messages = new FeatureEventMessages(ids);
    }

    /** Creates a feature from what {@code factory} builds with a fresh id and stamp. */
    FeatureState create(Origin origin, Reason reason, BiFunction<UUID, ChangeStamp, Feature> factory) {
        return transactions.inTransaction(() -> {
            var feature = factory.apply(ids.newId(), stamp(origin, reason));
            features.add(feature.state());
            return record(feature, origin);
        });
    }

    /**
     * Creates every feature of a batch in one transaction, with one write per table for the lot: the features, their
     * audit entries and their events. The caller has checked the keys; a taken one still fails the whole batch.
     */
    List<FeatureState> createAll(List<CreateFeatureCommand> commands) {
        return transactions.inTransaction(() -> {
            var created = new ArrayList<FeatureState>(commands.size());
            var audit = new ArrayList<AuditEntry>(commands.size());
            var published = new ArrayList<DomainEvent>(commands.size());
            for (var command : commands) {
                var feature = Feature.create(ids.newId(), command.key(), command.attributes(), command.enabled(),
                        stamp(command.origin(), command.reason()));
                var changes = feature.pullEvents();
                created.add(feature.state());
                audit.addAll(entries.of(changes, command.origin()));
                published.addAll(messages.of(changes));
            }
            features.addAll(created);
            ledger.append(audit);
            events.publish(published);
            created.forEach(f -> metrics.featureChanged("CREATED"));
            log.info("features imported", "count", created.size());
            return created;
        });
    }

    /** Applies {@code change} to the stored feature, which must be at {@code expectedVersion} when one is given. */
    FeatureState change(FeatureKey key, Long expectedVersion, Origin origin, Reason reason,
                        BiConsumer<Feature, ChangeStamp> change) {
        return transactions.inTransaction(() -> {
            var loaded = features.lock(key).orElseThrow(() -> NotFound.feature(key.value()));
            if (expectedVersion != null && expectedVersion != loaded.version()) {
                throw new StaleVersion("feature '" + key + "'", expectedVersion, loaded.version());
            }
            var feature = Feature.reconstitute(loaded);
            change.accept(feature, stamp(origin, reason));
            if (feature.state().version() != loaded.version()) {
                features.update(feature.state(), loaded.version());
            }
            return record(feature, origin);
        });
    }

    private FeatureState record(Feature feature, Origin origin) {
        var changes = feature.pullEvents();
        if (!changes.isEmpty()) {
            ledger.append(entries.of(changes, origin));
            events.publish(messages.of(changes));
            changes.forEach(e -> metrics.featureChanged(e.action().name()));
            changes.forEach(e -> log.info("feature changed", "key", e.after().key().value(),
                    "action", e.action(), "version", e.after().version(), "actor", e.stamp().actor().reference()));
        }
        return feature.state();
    }

    private ChangeStamp stamp(Origin origin, Reason reason) {
        return new ChangeStamp(origin.actor(), clock.now(), reason);
    }
}
