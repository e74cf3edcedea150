package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.domain.ledger.PurgeRecord;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Purge records in {@code ledger_purges} and {@code ledger_purge_retained}, and the purge itself. On PostgreSQL the
 * append-only trigger lets a DELETE through only inside a transaction that names a stored purge record in the
 * {@code flagtrail.purge} setting, and only for rows that record covers and does not retain.
 */
@Singleton
final class JdbcLedgerRetention implements LedgerRetention {

    private static final String RECORDS =
            "SELECT purged_to, hash_at_purged_to, issued_at, key_id, signature FROM ledger_purges";
    /** An entry an active legal hold keeps: its subject type matches and the hold names its id or its key. */
    private static final String HELD = "EXISTS (SELECT 1 FROM ledger_holds h WHERE h.released_at IS NULL "
            + "AND h.subject_type = a.subject_type AND (h.subject_id = a.subject_id OR h.subject_id = a.subject_key))";

    private final Sql sql;

    JdbcLedgerRetention(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<PurgeRecord> latestPurge() {
        return purges(1).stream().findFirst();
    }

    @Override
    public List<PurgeRecord> purges(int limit) {
        List<PurgeRecord> headers = sql.list(RECORDS + " ORDER BY purged_to DESC LIMIT ?", List.of(limit),
                rs -> record(rs, new TreeMap<>()));
        return headers.stream().map(r -> new PurgeRecord(r.purgedTo(), r.hashAtPurgedTo(), retained(r.purgedTo()),
                r.issuedAt(), r.keyId(), r.signature())).toList();
    }

    @Override
    public long lastPositionBefore(Instant cutoff, long upTo) {
        Long firstKept = sql.query("SELECT MIN(position) FROM audit_entries WHERE occurred_at >= ?",
                List.of(cutoff.atOffset(ZoneOffset.UTC)), rs -> {
                    rs.next();
                    long value = rs.getLong(1);
                    return rs.wasNull() ? null : value;
                });
        return firstKept == null ? upTo : Math.min(upTo, firstKept - 1);
    }

    @Override
    public NavigableMap<Long, String> held(long upTo) {
        return sql.query("SELECT a.position, a.hash FROM audit_entries a WHERE a.position <= ? AND " + HELD
                + " ORDER BY a.position", List.of(upTo), JdbcLedgerRetention::positionsAndHashes);
    }

    @Override
    public void addPurge(PurgeRecord r) {
        sql.update("INSERT INTO ledger_purges (purged_to, hash_at_purged_to, issued_at, key_id, signature) "
                        + "VALUES (?, ?, ?, ?, ?)",
                List.of(r.purgedTo(), r.hashAtPurgedTo(), r.issuedAt().atOffset(ZoneOffset.UTC), r.keyId(), r.signature()));
        if (!r.retained().isEmpty()) {
            sql.batch("INSERT INTO ledger_purge_retained (purged_to, position, hash) VALUES (?, ?, ?)",
                    r.retained().entrySet().stream().<List<?>>map(e -> List.of(r.purgedTo(), e.getKey(), e.getValue()))
                            .toList());
        }
    }

    @Override
    public int purgeBatch(PurgeRecord record, int limit) {
        if (sql.postgres()) {
            sql.query("SELECT set_config('flagtrail.purge', ?, true)", List.of(String.valueOf(record.purgedTo())),
                    ResultSet::next);
        }
        return sql.update("DELETE FROM audit_entries WHERE seq IN (SELECT a.seq FROM audit_entries a "
                + "WHERE a.position <= ? AND NOT EXISTS (SELECT 1 FROM ledger_purge_retained r "
                + "WHERE r.purged_to = ? AND r.position = a.position) AND NOT " + HELD
                + " ORDER BY a.position LIMIT ?)", List.of(record.purgedTo(), record.purgedTo(), limit));
    }

    private NavigableMap<Long, String> retained(long purgedTo) {
        return sql.query("SELECT position, hash FROM ledger_purge_retained WHERE purged_to = ? ORDER BY position",
                List.of(purgedTo), JdbcLedgerRetention::positionsAndHashes);
    }

    private static NavigableMap<Long, String> positionsAndHashes(ResultSet rs) throws SQLException {
        var found = new TreeMap<Long, String>();
        while (rs.next()) {
            found.put(rs.getLong(1), rs.getString(2));
        }
        return found;
    }

    private static PurgeRecord record(ResultSet rs, NavigableMap<Long, String> retained) throws SQLException {
        return new PurgeRecord(rs.getLong("purged_to"), rs.getString("hash_at_purged_to"), retained,
                rs.getObject("issued_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                rs.getString("signature"));
    }
}
