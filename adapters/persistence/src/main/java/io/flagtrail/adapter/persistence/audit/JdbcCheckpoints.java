package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.domain.ledger.Checkpoint;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Checkpoints in {@code ledger_checkpoints} (append-only on PostgreSQL, like the entries). */
@Singleton
final class JdbcCheckpoints implements Checkpoints {

    private static final String COLUMNS = "SELECT size, head_hash, root_hash, previous, issued_at, key_id, signature "
            + "FROM ledger_checkpoints";

    private final Sql sql;

    JdbcCheckpoints(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Checkpoint> latest() {
        return list(1, null).stream().findFirst();
    }

    @Override
    public void add(Checkpoint c) {
        sql.update("INSERT INTO ledger_checkpoints (size, head_hash, root_hash, previous, issued_at, key_id, signature) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(c.size(), c.headHash(), c.rootHash(),
                c.previous(), c.issuedAt().atOffset(ZoneOffset.UTC), c.keyId(), c.signature()));
    }

    @Override
    public List<Checkpoint> list(int limit, Long belowSize) {
        return belowSize == null
                ? many(COLUMNS + " ORDER BY size DESC LIMIT ?", List.of(limit))
                : many(COLUMNS + " WHERE size < ? ORDER BY size DESC LIMIT ?", List.of(belowSize, limit));
    }

    @Override
    public List<Checkpoint> within(long from, long to) {
        return many(COLUMNS + " WHERE size BETWEEN ? AND ? ORDER BY size", List.of(from, to));
    }

    private List<Checkpoint> many(String select, List<?> args) {
        return sql.lookUpList(select, args, rs -> checkpoint(rs)); // one statement: no transaction of its own
    }

    private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
        return new Checkpoint(rs.getLong("size"), rs.getString("head_hash"), rs.getString("root_hash"),
                rs.getString("previous"), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getString("key_id"), rs.getString("signature"));
    }
}
