package io.flagtrail.application.service.feature;

import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.event.EventTypes;
import io.flagtrail.domain.feature.FeatureChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the changes a feature recorded into the events it publishes. The payload is the published contract
 * (docs/events.md): the feature after the change, the field changes, who acted and why; the event names the
 * environment the change was seen in.
 */
final class FeatureEventMessages {

    private final IdGenerator ids;

    FeatureEventMessages(IdGenerator ids) {
        this.ids = ids;
    }

    List<DomainEvent> of(List<FeatureChanged> changes) {
        return changes.stream().map(this::of).toList();
    }

    private DomainEvent of(FeatureChanged change) {
        var after = change.after();
        var feature = new LinkedHashMap<String, Object>();
        feature.put("id", after.id().toString());
        feature.putAll(after.snapshot());
        var payload = new LinkedHashMap<String, Object>();
        payload.put("feature", feature);
        payload.put("changes", change.changes().stream()
                .map(c -> {
                    var field = new LinkedHashMap<String, Object>();
                    field.put("field", c.field());
                    field.put("from", c.from());
                    field.put("to", c.to());
                    return field;
                }).toList());
        var actor = change.stamp().actor();
        payload.put("actor", Map.of("type", actor.type().name(), "id", actor.id(), "displayName", actor.displayName()));
        payload.put("reason", change.stamp().reason() == null ? null : change.stamp().reason().text());
        return new DomainEvent(ids.newId(), EventTypes.of(change.action()), change.stamp().at(),
                new Subject(FeatureLedgerEntries.SUBJECT_TYPE, after.id().toString(), after.key().value()), payload,
                after.scope());
    }
}
