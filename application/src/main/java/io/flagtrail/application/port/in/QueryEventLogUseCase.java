package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.event.DomainEvent;

/** The database event store read back: events newest first, filtered and paged (ADMIN). */
public interface QueryEventLogUseCase {

    Page<DomainEvent> query(EventLogQuery query);
}
