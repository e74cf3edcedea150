package io.flagtrail.domain.event;

import io.flagtrail.domain.audit.Subject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A business fact published to event handlers: a contract other systems build on, so its shape only grows.
 * {@code eventId} is unique and stable across redeliveries (handlers dedupe on it); {@code aggregate} is what the
 * event is about; {@code payload} holds JSON-friendly values only.
 */
public record DomainEvent(UUID eventId, String type, Instant occurredAt, Subject aggregate, Map<String, Object> payload) {

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregate, "aggregate");
        payload = payload == null ? Map.of() : payload;
    }
}
