package io.flagtrail.application.service.feature;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.FeatureNotices;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureChanged;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what changed features did, in the caller's transaction: their audit entries in the ledger, their events in
 * the outbox, a metric and a log line each, and a notice that every instance hears on commit (its evaluation snapshot
 * reloads at once). One place, so that no feature change can be stored without its record.
 */
public final class FeatureChanges {

    private final AuditTrail trail;
    private final EventPublisher events;
    private final AppLogger log;
    private final BusinessMetrics metrics;
    private final FeatureLedgerEntries entries;
    private final FeatureEventMessages messages;
    private final FeatureNotices notices;

    public FeatureChanges(AuditTrail trail, EventPublisher events, IdGenerator ids, AppLogger log,
                          BusinessMetrics metrics, FeatureNotices notices) {
        this.trail = trail;
        this.events = events;
        this.log = log;
        this.metrics = metrics;
        this.entries = new FeatureLedgerEntries(trail);
        this.messages = new FeatureEventMessages(ids);
        this.notices = notices;
    }

    /** Records the changes {@code feature} has made since they were last pulled, with a log line each. */
    public void record(Feature feature, Origin origin) {
        for (var change : write(List.of(feature), List.of(origin))) {
            log.info("feature changed", "key", change.after().key().value(), "project", change.after().project().value(),
                    "environment", change.after().environment().value(), "action", change.action(),
                    "version", change.after().version(), "actor", change.stamp().actor().reference());
        }
    }

    /**
     * Records the changes of many features with one write to the ledger and one to the outbox, and one log line for
     * the lot (the batch import, a new environment); {@code origins} holds each feature's origin at the same index.
     */
    public void recordAll(List<Feature> features, List<Origin> origins) {
        log.info("features changed together", "count", write(features, origins).size());
    }

    private List<FeatureChanged> write(List<Feature> features, List<Origin> origins) {
        var audit = new ArrayList<AuditEntry>();
        var published = new ArrayList<DomainEvent>();
        var all = new ArrayList<FeatureChanged>();
        for (int i = 0; i < features.size(); i++) {
            var changes = features.get(i).pullEvents();
            audit.addAll(entries.of(changes, origins.get(i)));
            published.addAll(messages.of(changes));
            all.addAll(changes);
        }
        if (!all.isEmpty()) {
            trail.record(audit);
            events.publish(published);
            notices.announceChange();
            all.forEach(change -> metrics.featureChanged(change.action().name()));
        }
        return all;
    }
}
