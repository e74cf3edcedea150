package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.domain.user.UserStatus;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions in {@code auth_sessions}, refresh tokens (hashed) in {@code refresh_tokens}. */
@Singleton
final class JdbcSessions implements Sessions {

    private final Sql sql;

    JdbcSessions(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void start(UUID sessionId, UUID userId, Instant at) {
        sql.update("INSERT INTO auth_sessions (id, user_id, created_at) VALUES (?, ?, ?)", List.of(sessionId, userId, utc(at)));
    }

    @Override
    public void addRefreshToken(RefreshToken t) {
        sql.update("INSERT INTO refresh_tokens (token_hash, session_id, user_id, issued_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?)", List.of(t.hash(), t.sessionId(), t.userId(), utc(t.issuedAt()), utc(t.expiresAt())));
    }

    @Override
    public Optional<RefreshToken> lockRefreshToken(String hash) {
        return sql.query("SELECT token_hash, session_id, user_id, issued_at, expires_at, used_at FROM refresh_tokens "
                + "WHERE token_hash = ? FOR UPDATE", List.of(hash), rs -> rs.next() ? Optional.of(token(rs)) : Optional.empty());
    }

    @Override
    public void spend(String hash, Instant at) {
        sql.update("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?", List.of(utc(at), hash));
    }

    @Override
    public boolean revoke(UUID sessionId, Instant at, String reason) {
        return sql.update("UPDATE auth_sessions SET revoked_at = ?, revoked_for = ? WHERE id = ? AND revoked_at IS NULL",
                List.of(utc(at), reason, sessionId)) == 1;
    }

    @Override
    public int revokeAllOf(UUID userId, Instant at, String reason) {
        return sql.update("UPDATE auth_sessions SET revoked_at = ?, revoked_for = ? WHERE user_id = ? AND revoked_at IS NULL",
                List.of(utc(at), reason, userId));
    }

    @Override
    public boolean active(UUID sessionId) {
        return sql.query("SELECT revoked_at FROM auth_sessions WHERE id = ?", List.of(sessionId),
                rs -> rs.next() && rs.getObject(1) == null);
    }

    @Override
    public Optional<Standing> standing(UUID sessionId) {
        return sql.lookUp("SELECT s.user_id, s.revoked_at, u.status, u.roles, u.role_grants FROM auth_sessions s "
                + "JOIN users u ON u.id = s.user_id WHERE s.id = ?", List.of(sessionId), rs -> rs.next()
                ? Optional.of(new Standing(rs.getObject(1, UUID.class), rs.getObject(2) != null,
                        UserStatus.valueOf(rs.getString(3)), UserRowMapper.rolesOf(rs.getString(4)),
                        UserRowMapper.grantsOf(rs.getString(5))))
                : Optional.empty());
    }

    private static RefreshToken token(ResultSet rs) throws SQLException {
        var used = rs.getObject("used_at", OffsetDateTime.class);
        return new RefreshToken(rs.getString("token_hash"), rs.getObject("session_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
