package io.flagtrail.application.service.events;

import io.flagtrail.application.port.in.QueryEventLogUseCase;
import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.port.out.EventLog;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Duration;

/**
 * {@code EVENTS_STORAGE=db}: an event handler like the file and NATS sinks (delivered by the relay, at least once,
 * deduped on the event id by the store), the query over what it kept, and its retention.
 */
public final class EventLogService implements EventHandler, QueryEventLogUseCase {

    /** The handler's name: its delivery cursor is kept under it. */
    public static final String NAME = "database";
    private static final int PURGE_BATCH = 1000;

    private final EventLog log;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration retention;

    public EventLogService(EventLog log, Transactions transactions, Clock clock, Duration retention) {
        this.log = log;
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void handle(DomainEvent event) {
        transactions.inTransaction(() -> {
            log.record(event, clock.now());
            return null;
        });
    }

    @Override
    public Page<DomainEvent> query(EventLogQuery query) {
        return transactions.inTransaction(() -> log.query(query));
    }

    /** Deletes what is older than the retention period, a batch per transaction; answers how many. */
    public int purge() {
        var cutoff = clock.now().minus(retention);
        int total = 0;
        for (int deleted = PURGE_BATCH; deleted == PURGE_BATCH; total += deleted) {
            deleted = transactions.inTransaction(() -> log.deleteOlderThan(cutoff, PURGE_BATCH));
        }
        return total;
    }
}
