package io.flagtrail.adapter.persistence.events;

import io.flagtrail.adapter.persistence.Cursors;
import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.adapter.persistence.KeysetPage;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.EventLog;
import io.flagtrail.domain.event.DomainEvent;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@code event_log} table: each event once (its id is unique), read newest first by {@code seq}. */
@Singleton
final class JdbcEventLog implements EventLog {

    private final Sql sql;
    private final JsonColumns json;

    JdbcEventLog(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public void record(DomainEvent e, Instant recordedAt) {
        var values = new java.util.ArrayList<>(OutboxRows.values(e, json));
        values.add(recordedAt.atOffset(ZoneOffset.UTC));
        values.add(e.eventId());
        sql.update("INSERT INTO event_log (" + OutboxRows.EVENT + ", recorded_at) SELECT "
                + OutboxRows.marks(OutboxRows.EVENT_COLUMNS + 1)
                + " WHERE NOT EXISTS (SELECT 1 FROM event_log WHERE event_id = ?)", values);
    }

    @Override
    public Page<DomainEvent> query(EventLogQuery q) {
        var where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        filter(where, args, "event_type = ?", q.type());
        filter(where, args, "aggregate_type = ?", q.aggregateType());
        filter(where, args, "aggregate_key = ?", q.aggregateKey());
        filter(where, args, "occurred_at >= ?", q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC));
        filter(where, args, "occurred_at < ?", q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC));
        filter(where, args, "seq < ?", q.cursor() == null ? null : Cursors.decodeLong(q.cursor()));
        args.add(q.limit() + 1);
        var rows = sql.list("SELECT seq, " + OutboxRows.EVENT + " FROM event_log" + where + " ORDER BY seq DESC LIMIT ?",
                args, rs -> new Row(rs.getLong("seq"), OutboxRows.event(rs, json)));
        var page = KeysetPage.of(rows, q.limit(), row -> String.valueOf(row.seq()));
        return new Page<>(page.items().stream().map(Row::event).toList(), page.nextCursor());
    }

    @Override
    public int deleteOlderThan(Instant cutoff, int batch) {
        return sql.update("DELETE FROM event_log WHERE seq IN (SELECT seq FROM event_log WHERE occurred_at < ? "
                + "ORDER BY seq LIMIT ?)", List.of(cutoff.atOffset(ZoneOffset.UTC), batch));
    }

    private record Row(long seq, DomainEvent event) {
    }

    private static void filter(StringBuilder where, List<Object> args, String condition, Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            args.add(value);
        }
    }
}
