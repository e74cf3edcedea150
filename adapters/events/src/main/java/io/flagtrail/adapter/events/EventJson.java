package io.flagtrail.adapter.events;

import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.ledger.LedgerTime;
import java.util.LinkedHashMap;

/** The wire form of an event, the same in files and on the broker: one RFC 8785 JSON object (docs/events.md). */
final class EventJson {

    private EventJson() {
    }

    static String of(DomainEvent event) {
        var aggregate = new LinkedHashMap<String, Object>();
        aggregate.put("type", event.aggregate().type());
        aggregate.put("id", event.aggregate().id());
        aggregate.put("key", event.aggregate().key());
        var json = new LinkedHashMap<String, Object>();
        json.put("eventId", event.eventId().toString());
        json.put("type", event.type());
        json.put("occurredAt", LedgerTime.format(event.occurredAt()));
        json.put("aggregate", aggregate);
        if (event.scope() != null) {
            json.put("project", event.scope().project().value());
            json.put("environment", event.scope().environment().value());
        }
        json.put("payload", event.payload());
        return CanonicalJson.write(json);
    }
}
