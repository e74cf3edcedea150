package io.flagtrail.adapter.persistence.events;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.domain.event.DomainEvent;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The outbox tables. Stamping takes a PostgreSQL advisory lock (its own, not the sealer's) so that one instance gives
 * positions at a time; a handler's cursor row is taken with {@code FOR UPDATE SKIP LOCKED}, so instances deliver
 * different handlers side by side and never the same one twice at once.
 */
@Singleton
final class JdbcOutbox implements Outbox {

    /** "Flagtrail outbox", as the 64-bit key of the stamping advisory lock. */
    static final long STAMPER_LOCK = 0x466C_6167_4F75_7462L;
    private final Sql sql;
    private final JsonColumns json;

    JdbcOutbox(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public boolean tryLeadStamping() {
        return sql.tryAdvisoryLock(STAMPER_LOCK);
    }

    @Override
    public int stamp(int limit) {
        long head = sql.query("SELECT COALESCE(MAX(position), 0) FROM outbox_events", List.of(),
                rs -> rs.next() ? rs.getLong(1) : 0L);
        List<Long> unstamped = sql.list("SELECT seq FROM outbox_events WHERE position IS NULL ORDER BY seq LIMIT ?",
                List.of(limit), rs -> rs.getLong(1));
        var rows = new ArrayList<List<?>>(unstamped.size());
        for (long seq : unstamped) {
            rows.add(List.of(++head, seq));
        }
        if (!rows.isEmpty()) {
            sql.batch("UPDATE outbox_events SET position = ? WHERE seq = ? AND position IS NULL", rows);
        }
        return rows.size();
    }

    @Override
    public void register(String handler) {
        sql.update("INSERT INTO outbox_handlers (handler, position, attempts, delivered, failed, dead_lettered) "
                + "SELECT ?, 0, 0, 0, 0, 0 WHERE NOT EXISTS (SELECT 1 FROM outbox_handlers WHERE handler = ?)",
                List.of(handler, handler));
    }

    @Override
    public Optional<Cursor> lock(String handler) {
        return sql.query(OutboxRows.CURSOR + " WHERE handler = ? FOR UPDATE SKIP LOCKED", List.of(handler),
                rs -> rs.next() ? Optional.of(OutboxRows.cursor(rs)) : Optional.empty());
    }

    @Override
    public List<StoredEvent> after(long position, int limit) {
        return sql.list("SELECT position, " + OutboxRows.EVENT + " FROM outbox_events WHERE position > ? ORDER BY position LIMIT ?",
                List.of(position, limit), rs -> new StoredEvent(rs.getLong("position"), event(rs)));
    }

    @Override
    public void save(Cursor c) {
        sql.update("UPDATE outbox_handlers SET position = ?, attempts = ?, next_attempt_at = ?, last_error = ?, "
                + "last_error_at = ?, last_delivered_at = ?, delivered = ?, failed = ?, dead_lettered = ? WHERE handler = ?",
                Arrays.asList(c.position(), c.attempts(), OutboxRows.utc(c.nextAttemptAt()), c.lastError(), OutboxRows.utc(c.lastErrorAt()),
                        OutboxRows.utc(c.lastDeliveredAt()), c.delivered(), c.failed(), c.deadLettered(), c.handler()));
    }

    @Override
    public void deadLetter(DeadLetter d) {
        var e = d.event();
        var values = new java.util.ArrayList<Object>(List.of(d.handler(), d.position()));
        values.addAll(OutboxRows.values(e, json));
        values.addAll(Arrays.asList(d.attempts(), d.lastError(), OutboxRows.utc(d.deadAt()), d.retry()));
        sql.update("INSERT INTO outbox_dead_letters (handler, position, " + OutboxRows.EVENT + ", attempts, last_error, dead_at, "
                + "retry) VALUES (" + OutboxRows.marks(OutboxRows.EVENT_COLUMNS + 6) + ")", values);
    }

    @Override
    public List<DeadLetter> retrying(String handler, int limit) {
        return letters(OutboxRows.LETTER + " WHERE handler = ? AND retry = TRUE ORDER BY position LIMIT ?", List.of(handler, limit));
    }

    @Override
    public void settleRetry(DeadLetter letter, boolean delivered, String error) {
        if (delivered) {
            sql.update("DELETE FROM outbox_dead_letters WHERE handler = ? AND position = ?",
                    List.of(letter.handler(), letter.position()));
        } else {
            sql.update("UPDATE outbox_dead_letters SET retry = FALSE, attempts = attempts + 1, last_error = ? "
                    + "WHERE handler = ? AND position = ?", List.of(error, letter.handler(), letter.position()));
        }
    }

    @Override
    public int requestRetry(String handler) {
        return sql.update("UPDATE outbox_dead_letters SET retry = TRUE WHERE handler = ? AND retry = FALSE",
                List.of(handler));
    }

    @Override
    public List<DeadLetter> deadLetters(String handler, int limit) {
        return letters(OutboxRows.LETTER + " WHERE handler = ? ORDER BY position LIMIT ?", List.of(handler, limit));
    }

    @Override
    public boolean paused() {
        return sql.query("SELECT paused FROM outbox_dispatch WHERE id = 1", List.of(), rs -> rs.next() && rs.getBoolean(1));
    }

    @Override
    public void setPaused(boolean paused) {
        sql.update("UPDATE outbox_dispatch SET paused = ? WHERE id = 1", List.of(paused));
    }

    @Override
    public List<Cursor> cursors() {
        return sql.list(OutboxRows.CURSOR + " ORDER BY handler", List.of(), OutboxRows::cursor);
    }

    @Override
    public long pendingAfter(long position) {
        return sql.query("SELECT COUNT(*) FROM outbox_events WHERE position > ? OR position IS NULL", List.of(position),
                rs -> rs.next() ? rs.getLong(1) : 0L);
    }

    @Override
    public Optional<Instant> oldestUndelivered(Collection<String> handlers) {
        if (handlers.isEmpty()) {
            return Optional.empty();
        }
        var args = new ArrayList<Object>(handlers);
        return sql.query("SELECT MIN(occurred_at) FROM outbox_events WHERE position IS NULL OR position > "
                + "(SELECT MIN(position) FROM outbox_handlers WHERE handler IN (" + OutboxRows.marks(handlers.size()) + "))", args,
                rs -> {
                    rs.next();
                    var oldest = rs.getObject(1, OffsetDateTime.class);
                    return Optional.ofNullable(oldest).map(OffsetDateTime::toInstant);
                });
    }

    @Override
    public int deleteDelivered(Collection<String> handlers, Instant before, int limit) {
        if (handlers.isEmpty()) {
            return 0;
        }
        var args = new ArrayList<Object>(handlers);
        args.add(OutboxRows.utc(before));
        args.add(limit);
        return sql.update("DELETE FROM outbox_events WHERE seq IN (SELECT seq FROM outbox_events WHERE position <= "
                + "(SELECT MIN(position) FROM outbox_handlers WHERE handler IN (" + OutboxRows.marks(handlers.size()) + ")) "
                + "AND occurred_at < ? ORDER BY position LIMIT ?)", args);
    }

    private List<DeadLetter> letters(String select, List<?> args) {
        return sql.list(select, args, rs -> new DeadLetter(rs.getString("handler"), rs.getLong("position"), event(rs),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("dead_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("retry")));
    }

    private DomainEvent event(ResultSet rs) throws SQLException {
        return OutboxRows.event(rs, json);
    }
}
