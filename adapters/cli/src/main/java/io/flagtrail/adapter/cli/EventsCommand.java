package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.in.QueryEventLogUseCase;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.event.DomainEvent;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flagtrail events list}: the database event log ({@code EVENTS_STORAGE=db}), newest first, filtered and paged. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Read the events kept in the database.")
final class EventsCommand extends CliCommand {

    private static final List<String> COLUMNS = List.of("occurredAt", "type", "aggregate", "eventId");

    @Inject BeanProvider<QueryEventLogUseCase> log;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Events newest first (EVENTS_STORAGE must include db).")
    int list(@Option(names = "--type", description = "An event type such as FeatureEnabled.") String type,
             @Option(names = "--aggregate-type", description = "feature or user") String aggregateType,
             @Option(names = "--aggregate-key", description = "A feature key or an e-mail.") String aggregateKey,
             @Option(names = "--from", description = "RFC 3339, inclusive.") String from,
             @Option(names = "--to", description = "RFC 3339, exclusive.") String to,
             @Option(names = "--limit", defaultValue = "50") int limit,
             @Option(names = "--cursor") String cursor) {
        if (!log.isPresent()) {
            throw new NotFound("events.log_off", "the database event log is off: EVENTS_STORAGE does not include db");
        }
        Page<DomainEvent> page = log.get().query(new EventLogQuery(type, aggregateType, aggregateKey,
                instant("from", from), instant("to", to),
                Page.limit(limit), cursor));
        printPage(page, EventsCommand::view, COLUMNS);
        return 0;
    }

    private static Map<String, Object> view(DomainEvent e) {
        var view = new LinkedHashMap<String, Object>();
        view.put("occurredAt", e.occurredAt().toString());
        view.put("type", e.type());
        view.put("aggregate", e.aggregate().type() + ":" + (e.aggregate().key() == null ? e.aggregate().id()
                : e.aggregate().key()));
        view.put("eventId", e.eventId().toString());
        view.put("payload", e.payload());
        return view;
    }
}
