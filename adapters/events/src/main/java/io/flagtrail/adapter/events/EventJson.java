package io.flagtrail.adapter.events;

import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.ledger.LedgerTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire form of an event, the same in files and on the broker: one RFC 8785 JSON object (docs/events.md). */
final class EventJson {

    private EventJson() {
    }

    static String of(DomainEvent event) {
        var aggregate = new LinkedHashMap<String, Object>();
        aggregate.put("type", event.aggregate().type());
        aggregate.put("id", event.aggregate().id());
        aggregate.put("key", event.aggregate().key());
        return CanonicalJson.write(Map.of("eventId", event.eventId().toString(), "type", event.type(),
                "occurredAt", LedgerTime.format(event.occurredAt()), "aggregate", aggregate, "payload", event.payload()));
    }
}
