package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Instant;

/**
 * The database-backed event store ({@code EVENTS_STORAGE=db}): every delivered event once (a redelivery of the same
 * event id changes nothing), queryable with filters and keyset paging, newest first, kept for the retention period.
 */
public interface EventLog {

    /** Keeps the event unless one with its id is there already; joins the caller's transaction. */
    void record(DomainEvent event, Instant recordedAt);

    Page<DomainEvent> query(EventLogQuery query);

    /** Removes up to {@code batch} events that occurred before {@code cutoff}; answers how many. */
    int deleteOlderThan(Instant cutoff, int batch);
}
