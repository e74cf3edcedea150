package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.LegalHolds;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.ledger.LegalHold;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Legal holds in {@code ledger_holds}; a release sets the release columns once. */
@Singleton
final class JdbcLegalHolds implements LegalHolds {

    private static final String COLUMNS = "SELECT id, subject_type, subject_id, reason, placed_at, placed_by, "
            + "released_at, released_by FROM ledger_holds";

    private final Sql sql;

    JdbcLegalHolds(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(LegalHold h) {
        sql.update("INSERT INTO ledger_holds (id, subject_type, subject_id, reason, placed_at, placed_by) "
                + "VALUES (?, ?, ?, ?, ?, ?)", List.of(h.id(), h.subjectType(), h.subjectId(), h.reason(),
                utc(h.placedAt()), h.placedBy()));
    }

    @Override
    public Optional<LegalHold> find(UUID id) {
        return many(COLUMNS + " WHERE id = ?", id).stream().findFirst();
    }

    @Override
    public void release(LegalHold h) {
        int changed = sql.update("UPDATE ledger_holds SET released_at = ?, released_by = ? "
                + "WHERE id = ? AND released_at IS NULL", List.of(utc(h.releasedAt()), h.releasedBy(), h.id()));
        if (changed != 1) {
            throw new Conflict("legal_hold.released", "legal hold " + h.id() + " was already released");
        }
    }

    @Override
    public List<LegalHold> list(boolean activeOnly) {
        return many(COLUMNS + (activeOnly ? " WHERE released_at IS NULL" : "") + " ORDER BY placed_at DESC, id");
    }

    private List<LegalHold> many(String select, Object... args) {
        return sql.list(select, Arrays.asList(args), rs -> hold(rs));
    }

    private static LegalHold hold(ResultSet rs) throws SQLException {
        var released = rs.getObject("released_at", OffsetDateTime.class);
        return new LegalHold(rs.getObject("id", UUID.class), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("reason"), rs.getObject("placed_at", OffsetDateTime.class).toInstant(),
                rs.getString("placed_by"), released == null ? null : released.toInstant(), rs.getString("released_by"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
