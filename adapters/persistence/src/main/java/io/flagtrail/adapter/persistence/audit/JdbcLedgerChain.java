package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.adapter.persistence.SqlErrors;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.domain.ledger.LedgerHash;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * The chain: entries wait in {@code audit_pending} and are sealed by moving each into {@code audit_entries} with its
 * position and hashes in one insert, so that a sealed row is written once and never updated (ADR 0010). Leadership
 * is a PostgreSQL transaction-level advisory lock, so that across instances one sealer runs at a time and a crashed
 * one releases it with its connection; on H2 (one process) the sealing service's own lock is enough.
 */
@Singleton
final class JdbcLedgerChain implements LedgerChain {

    /** "Flagtrail sealer", as the 64-bit key of the advisory lock. */
    static final long SEALER_LOCK = 0x466C_6167_5365_616CL;
    private static final int FETCH = 2000;
    /** A waiting entry copied into the sealed table, with its position and hashes; every other column as it was. */
    private static final String MOVE = "INSERT INTO audit_entries (" + LedgerForm.COLUMNS + ") SELECT "
            + LedgerForm.COLUMNS.replace("position, prev_hash, hash", "?, ?, ?") + " FROM audit_pending WHERE seq = ?";

    private final Sql sql;
    /** Whether the last read of waiting entries filled its batch, and the highest seq it handed out. */
    private volatile boolean draining;
    private volatile long readPast;

    JdbcLedgerChain(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean tryLead() {
        return sql.tryAdvisoryLock(SEALER_LOCK);
    }

    @Override
    public Head head() {
        return sql.query("SELECT position, hash FROM audit_entries WHERE position = "
                        + "(SELECT MAX(position) FROM audit_entries)", List.of(),
                rs -> rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, LedgerHash.GENESIS));
    }

    /**
     * Waiting entries, lowest seq first. While a backlog drains (the last read filled its batch) the next read goes
     * on past the last seq handed out: read from the start, each batch would first step over every entry the drain
     * has deleted (dead index entries until vacuum passes), and a drain of millions would slow with its own progress.
     * A read past that comes back short of a batch is replaced by one from the start, which is the one that says
     * what is left: it finds what reading past skipped (an entry that committed after others with a higher seq, or
     * one a rolled-back round read and did not seal).
     */
    @Override
    public List<Pending> pending(int limit) {
        if (draining) {
            var next = waiting(readPast, limit);
            if (next.size() == limit) {
                readPast = next.getLast().ref();
                return next;
            }
        }
        var all = waiting(0, limit);
        draining = all.size() == limit;
        readPast = all.isEmpty() ? 0 : all.getLast().ref();
        return all;
    }

    private List<Pending> waiting(long after, int limit) {
        return sql.list(LedgerForm.SELECT_PENDING + " WHERE seq > ? ORDER BY seq LIMIT ?", List.of(after, limit),
                rs -> new Pending(rs.getLong(LedgerForm.SEQ), LedgerForm.fields(rs)));
    }

    /** Insert the sealed copy first: PostgreSQL's guard lets a waiting entry go only once its copy is sealed. */
    @Override
    public void seal(List<Seal> seals) {
        var moves = seals.stream().<List<?>>map(s -> List.of(s.position(), s.prevHash(), s.hash(), s.ref())).toList();
        try {
            exactlyOneEach(sql.batch(MOVE, moves));
        } catch (RuntimeException e) {
            // the one check a sealed copy can fail: no partition for its position (the chain's columns are all set)
            if (SqlErrors.hasState(e, SqlErrors.CHECK_VIOLATION)) {
                throw new IllegalStateException("no ledger partition holds positions up to "
                        + seals.stream().mapToLong(Seal::position).max().orElseThrow() + " yet: the partition job "
                        + "makes them ahead (docs/operations.md, \"Ledger partitions\"); entries wait unsealed", e);
            }
            throw e;
        }
        exactlyOneEach(sql.batch("DELETE FROM audit_pending WHERE seq = ?",
                seals.stream().<List<?>>map(s -> List.of(s.ref())).toList()));
    }

    private static void exactlyOneEach(int[] counts) {
        for (int count : counts) {
            if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("an entry was sealed by someone else: the sealing round is void");
            }
        }
    }

    @Override
    public String hashAt(long position) {
        return sql.lookUp("SELECT hash FROM audit_entries WHERE position = ?", List.of(position),
                rs -> rs.next() ? rs.getString(1) : null);
    }

    @Override
    public void read(long from, long to, Predicate<Link> each) {
        sql.stream(LedgerForm.SELECT + " WHERE position BETWEEN ? AND ? ORDER BY position",
                List.of(from, to), FETCH, JdbcLedgerChain::link, each);
    }

    /**
     * Streams in index order. PostgreSQL plans a streamed statement for its total cost, and for a whole ledger that
     * is a sort of every row (spilled to disk) before the first one goes out; every filter has an index in the
     * export's order, so sorting is switched off for the export's transaction and it streams from the first row.
     */
    @Override
    public void export(AuditQuery query, Predicate<Link> each) {
        if (sql.postgres()) {
            sql.query("SELECT set_config('enable_sort', 'off', true)", List.of(), ResultSet::next);
        }
        var both = BothTables.all(LedgerForm.COLUMNS, query);
        sql.stream(both.sql(), both.args(), FETCH, JdbcLedgerChain::link, each);
    }

    @Override
    public Backlog backlog() {
        return sql.query("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM audit_pending LIMIT ?) w), "
                + "(SELECT MIN(occurred_at) FROM audit_pending)", List.of(Backlog.COUNTED_UP_TO), rs -> {
            rs.next();
            var oldest = rs.getObject(2, OffsetDateTime.class);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
        });
    }

    private static Link link(ResultSet rs) throws SQLException {
        long position = rs.getLong(LedgerForm.POSITION);
        return new Link(rs.wasNull() ? null : position, rs.getString(LedgerForm.PREV_HASH), rs.getString(LedgerForm.HASH),
                LedgerForm.fields(rs));
    }
}
