package io.flagtrail.adapter.persistence.events;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.application.port.out.Outbox.Cursor;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The columns of the outbox, dead-letter and event-log tables, and how their rows become values. */
final class OutboxRows {

    static final String EVENT = "event_id, event_type, aggregate_type, aggregate_id, aggregate_key, "
            + "occurred_at, payload";
    static final String CURSOR = "SELECT handler, position, attempts, next_attempt_at, last_error, last_error_at, "
            + "last_delivered_at, delivered, failed, dead_lettered FROM outbox_handlers";
    static final String LETTER = "SELECT handler, position, " + EVENT + ", attempts, last_error, dead_at, retry "
            + "FROM outbox_dead_letters";

    private OutboxRows() {
    }

    /** An event from the columns {@link #EVENT} names, wherever they are stored (the outbox, dead letters, the log). */
    static DomainEvent event(ResultSet rs, JsonColumns json) throws SQLException {
        return new DomainEvent(rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                new Subject(rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getString("aggregate_key")),
                json.readMap(rs.getString("payload")));
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
