package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LedgerPartitions;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * PostgreSQL's partitions of {@code audit_entries} (V15_2): listed from {@code ledger_partitions}, made and dropped
 * by the migration's two SECURITY DEFINER functions, so that a runtime role that owns nothing can do that and no
 * more. H2 keeps one table.
 */
@Singleton
final class JdbcLedgerPartitions implements LedgerPartitions {

    private final Sql sql;

    JdbcLedgerPartitions(Sql sql) {
        this.sql = sql;
    }

    @Override
    public List<Partition> list() {
        if (!sql.postgres()) {
            return List.of();
        }
        return sql.list("SELECT lo, hi FROM ledger_partitions ORDER BY lo", List.of(),
                rs -> new Partition(rs.getLong(1), rs.getLong(2)));
    }

    @Override
    public List<Partition> makeRoom(long span, long room) {
        if (!sql.postgres()) {
            return List.of();
        }
        int added = sql.query("SELECT flagtrail_ensure_ledger_partitions(?, ?)", List.of(span, room), rs -> {
            rs.next();
            return rs.getInt(1);
        });
        var all = list();
        return all.subList(all.size() - added, all.size());
    }

    @Override
    public boolean dropPurged(long from) {
        return sql.postgres() && sql.query("SELECT flagtrail_drop_purged_ledger_partition(?)", List.of(from), rs -> {
            rs.next();
            return rs.getBoolean(1);
        });
    }
}
