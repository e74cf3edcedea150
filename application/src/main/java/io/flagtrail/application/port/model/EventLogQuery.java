package io.flagtrail.application.port.model;

import java.time.Instant;

/** What to look for in the database event log; null fields do not filter. {@code from} inclusive, {@code to} exclusive. */
public record EventLogQuery(String type, String aggregateType, String aggregateKey, Instant from, Instant to, int limit,
                            String cursor) {
}
