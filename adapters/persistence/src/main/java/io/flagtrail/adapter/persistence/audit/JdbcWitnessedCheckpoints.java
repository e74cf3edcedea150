package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.adapter.persistence.SqlErrors;
import io.flagtrail.application.port.out.WitnessedCheckpoints;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.Cosignature;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * {@code witnessed_checkpoints}, append-only on PostgreSQL. The unique {@code (origin, old_size)} is what makes two
 * concurrent submissions that extend the same size take turns: the second insert fails and is answered false.
 */
@Singleton
final class JdbcWitnessedCheckpoints implements WitnessedCheckpoints {

    private final Sql sql;

    JdbcWitnessedCheckpoints(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<CosignedCheckpoint> latest(String origin) {
        return sql.list("SELECT checkpoint, cosignature FROM witnessed_checkpoints WHERE origin = ? "
                        + "ORDER BY size DESC LIMIT 1", List.of(origin),
                rs -> new CosignedCheckpoint(Checkpoint.fromJson(JsonReader.parseObject(rs.getString("checkpoint"))),
                        Cosignature.fromJson(JsonReader.parseObject(rs.getString("cosignature")))))
                .stream().findFirst();
    }

    @Override
    public boolean add(String origin, long oldSize, CosignedCheckpoint witnessed) {
        try {
            sql.update("INSERT INTO witnessed_checkpoints (origin, size, old_size, checkpoint, cosignature, "
                    + "witnessed_at) VALUES (?, ?, ?, ?, ?, ?)", List.of(origin, witnessed.checkpoint().size(), oldSize,
                    witnessed.checkpoint().json(), witnessed.cosignature().json(),
                    witnessed.cosignature().timestamp().atOffset(ZoneOffset.UTC)));
            return true;
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                return false;
            }
            throw e;
        }
    }
}
