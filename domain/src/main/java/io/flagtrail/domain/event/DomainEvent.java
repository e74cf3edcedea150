package io.flagtrail.domain.event;

import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A business fact published to event handlers: a contract other systems build on, so its shape only grows.
 * {@code eventId} is unique and stable across redeliveries (handlers dedupe on it); {@code aggregate} is what the
 * event is about; {@code payload} holds JSON-friendly values only; {@code scope} is the environment of the project
 * it happened in (null for an event outside projects, such as a user's), which brokers route on.
 */
public record DomainEvent(UUID eventId, String type, Instant occurredAt, Subject aggregate, Map<String, Object> payload,
                          Scope scope) {

    /** An event outside projects (a user's, say). */
    public DomainEvent(UUID eventId, String type, Instant occurredAt, Subject aggregate, Map<String, Object> payload) {
        this(eventId, type, occurredAt, aggregate, payload, null);
    }

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregate, "aggregate");
        payload = payload == null ? Map.of() : payload;
    }
}
