package io.flagtrail.adapter.persistence.events;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.domain.event.DomainEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes events to {@code outbox_events} in the caller's transaction. With {@code EVENTS_ENABLED=false} it records
 * nothing (the audit trail is written elsewhere and is never affected).
 */
@Singleton
public final class OutboxEventPublisher implements EventPublisher {

    private final Sql sql;
    private final JsonColumns json;
    private final boolean recording;

    public OutboxEventPublisher(Sql sql, JsonColumns json, @Value("${flagtrail.events.enabled:true}") boolean recording) {
        this.sql = sql;
        this.json = json;
        this.recording = recording;
    }

    @Override
    public void publish(List<DomainEvent> events) {
        if (!recording || events.isEmpty()) {
            return;
        }
        sql.batch("INSERT INTO outbox_events (" + OutboxRows.EVENT + ") VALUES (" + OutboxRows.marks(OutboxRows.EVENT_COLUMNS)
                + ")", events.stream().<List<?>>map(e -> OutboxRows.values(e, json)).toList());
    }
}
