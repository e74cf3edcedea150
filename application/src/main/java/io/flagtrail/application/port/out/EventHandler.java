package io.flagtrail.application.port.out;

import io.flagtrail.domain.event.DomainEvent;

/**
 * Receives every published event, after the change that caused it committed. Adding a handler is adding one bean
 * that implements this. Delivery is at least once, in outbox order, with retries and a dead letter after the last
 * attempt, each handler on its own: so a handler must dedupe on {@link DomainEvent#eventId()}, and throws to ask for
 * a retry.
 */
public interface EventHandler {

    /** A stable name: the handler's delivery state is kept under it, so renaming one starts it afresh. */
    String name();

    void handle(DomainEvent event) throws Exception;
}
