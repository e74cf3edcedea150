package io.flagtrail.adapter.persistence.events;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.application.port.out.Outbox.Cursor;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The columns of the outbox, dead-letter and event-log tables, and how their rows become values. */
final class OutboxRows {

    static final String EVENT = "event_id, event_type, aggregate_type, aggregate_id, aggregate_key, project_key, "
            + "env_key, occurred_at, payload";
    /** How many columns {@link #EVENT} names, in the order of {@link #values}. */
    static final int EVENT_COLUMNS = 9;
    static final String CURSOR = "SELECT handler, position, attempts, next_attempt_at, last_error, last_error_at, "
            + "last_delivered_at, delivered, failed, dead_lettered FROM outbox_handlers";
    static final String LETTER = "SELECT handler, position, " + EVENT + ", attempts, last_error, dead_at, retry "
            + "FROM outbox_dead_letters";

    private OutboxRows() {
    }

    /** An event from the columns {@link #EVENT} names, wherever they are stored (the outbox, dead letters, the log). */
    static DomainEvent event(ResultSet rs, JsonColumns json) throws SQLException {
        String project = rs.getString("project_key");
        String environment = rs.getString("env_key");
        return new DomainEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new Subject(rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("aggregate_key")),
                json.readMap(rs.getString("payload")), project == null || environment == null ? null
                        : new Scope(new ProjectKey(project), new EnvironmentKey(environment)));
    }

    /** An event's values for the columns {@link #EVENT} names, in its order. */
    static List<Object> values(DomainEvent e, JsonColumns json) {
        var scope = e.scope();
        return Arrays.asList(e.eventId(), e.type(), e.aggregate().type(), e.aggregate().id(), e.aggregate().key(),
                scope == null ? null : scope.project().value(), scope == null ? null : scope.environment().value(),
                utc(e.occurredAt()), json.write(e.payload()));
    }

    static Cursor cursor(ResultSet rs) throws SQLException {
        return new Cursor(rs.getString("handler"), rs.getLong("position"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "last_error_at"),
                instant(rs, "last_delivered_at"), rs.getLong("delivered"), rs.getLong("failed"), rs.getLong("dead_lettered"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
