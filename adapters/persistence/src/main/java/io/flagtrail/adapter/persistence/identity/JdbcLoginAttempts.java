package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LoginAttempts;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Counters in {@code login_throttle}. A failure is one UPDATE of the row (which takes its lock), after an insert of
 * the row when it is missing, so concurrent failures are counted exactly, one after another.
 */
@Singleton
final class JdbcLoginAttempts implements LoginAttempts {

    private final Sql sql;

    JdbcLoginAttempts(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Count count(String kind, String key) {
        return sql.query("SELECT failures, window_start, last_failure_at FROM login_throttle WHERE kind = ? "
                + "AND throttle_key = ?", List.of(kind, key), rs -> rs.next()
                        ? new Count(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant(), lastFailure(rs))
                        : Count.NONE);
    }

    @Override
    public Count recordFailure(String kind, String key, Instant now, Duration window) {
        var at = now.atOffset(ZoneOffset.UTC);
        var expired = now.minus(window).atOffset(ZoneOffset.UTC);
        sql.update("INSERT INTO login_throttle (kind, throttle_key, failures, window_start) VALUES (?, ?, 0, ?) "
                + "ON CONFLICT DO NOTHING", List.of(kind, key, at));
        sql.update("UPDATE login_throttle SET "
                + "failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END, "
                + "window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END, last_failure_at = ? "
                + "WHERE kind = ? AND throttle_key = ?", List.of(expired, expired, at, at, kind, key));
        return count(kind, key);
    }

    private static Instant lastFailure(java.sql.ResultSet rs) throws java.sql.SQLException {
        var at = rs.getObject(3, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    @Override
    public void reset(String kind, String key) {
        sql.update("DELETE FROM login_throttle WHERE kind = ? AND throttle_key = ?", List.of(kind, key));
    }
}
