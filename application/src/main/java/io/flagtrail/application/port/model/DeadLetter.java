package io.flagtrail.application.port.model;

import io.flagtrail.domain.event.DomainEvent;
import java.time.Instant;

/** An event a handler gave up on, with why; {@code retry} once an admin asked to deliver it again. */
public record DeadLetter(String handler, long position, DomainEvent event, int attempts, String lastError, Instant deadAt,
                         boolean retry) {
}
