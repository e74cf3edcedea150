package io.flagtrail.application.port.out;

import io.flagtrail.domain.event.DomainEvent;
import java.util.List;

/**
 * Publishes domain events. Joins the caller's transaction (the outbox): the events are stored with the change that
 * caused them or not at all, and are delivered to handlers afterwards, never while the request waits.
 */
public interface EventPublisher {

    void publish(List<DomainEvent> events);
}
