package io.flagtrail.bootstrap.wiring;

import io.flagtrail.adapter.events.EventStorage;
import io.flagtrail.application.port.in.DispatchEventsUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.flagtrail.application.port.in.QueryEventLogUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.port.out.EventLog;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.events.DispatchEventsService;
import io.flagtrail.application.service.events.DispatchSettings;
import io.flagtrail.application.service.events.EventDispatchAdminService;
import io.flagtrail.application.service.events.EventLogService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/** Events: delivery from the outbox to every handler, its administration, and the database event log. */
@Factory
final class EventWiring {

    @Singleton
    DispatchSettings dispatchSettings(EventsProperties events) {
        return new DispatchSettings(events.enabled(), events.batch(), events.maxAttempts(), events.retryBase(),
                events.retryMax(), events.keep());
    }

    /** Every {@link EventHandler} bean is a handler: adding one is adding a class. */
    @Singleton
    DispatchEventsUseCase dispatchEvents(Outbox outbox, List<EventHandler> handlers, Transactions transactions,
                                         Clock clock, DispatchSettings settings) {
        return new DispatchEventsService(outbox, handlers, transactions, clock, settings);
    }

    @Singleton
    ManageEventDispatchUseCase manageEventDispatch(Outbox outbox, DispatchEventsUseCase dispatch, AuditTrail trail,
                                                   Transactions transactions, Clock clock, DispatchSettings settings) {
        return new EventDispatchAdminService(outbox, dispatch.handlers(), trail, transactions, clock, settings);
    }

    /** {@code EVENTS_STORAGE=db}: the database event log, a handler like the other sinks, and its query. */
    @Singleton
    @Bean(typed = {EventHandler.class, QueryEventLogUseCase.class, EventLogService.class})
    @Requires(condition = EventStorage.Db.class)
    EventLogService eventLog(EventLog log, Transactions transactions, Clock clock, EventsProperties events) {
        return new EventLogService(log, transactions, clock, Duration.ofDays(events.retentionDays()));
    }
}
