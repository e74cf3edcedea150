package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
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
import java.util.stream.Collectors;

/** API keys in {@code api_keys}; scopes as a comma-separated list. */
@Singleton
final class JdbcApiKeys implements ApiKeys {

    private static final String COLUMNS = "SELECT id, name, key_prefix, secret_hash, scopes, created_by, created_at, "
            + "expires_at, revoked_at, last_used_at FROM api_keys";

    private final Sql sql;

    JdbcApiKeys(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(ApiKey k, String lookup, String secretHash) {
        sql.update("INSERT INTO api_keys (id, name, key_prefix, lookup_key, secret_hash, scopes, created_by, created_at, "
                + "expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(k.id(), k.name(), k.prefix(), lookup,
                secretHash, k.scopes().stream().map(ApiKeyScope::value).sorted().collect(Collectors.joining(",")),
                k.createdBy(), utc(k.createdAt()), utc(k.expiresAt())));
    }

    @Override
    public Optional<Stored> findByLookup(String lookup) {
        return sql.lookUp(COLUMNS + " WHERE lookup_key = ?", List.of(lookup),
                rs -> rs.next() ? Optional.of(new Stored(key(rs), rs.getString("secret_hash"))) : Optional.empty());
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return sql.query(COLUMNS + " WHERE id = ?", List.of(id), rs -> rs.next() ? Optional.of(key(rs)) : Optional.empty());
    }

    @Override
    public List<ApiKey> list() {
        return sql.list(COLUMNS + " ORDER BY created_at DESC, id", List.of(), rs -> key(rs));
    }

    @Override
    public void revoke(ApiKey revoked) {
        sql.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                List.of(utc(revoked.revokedAt()), revoked.id()));
    }

    @Override
    public void used(UUID id, Instant at) {
        sql.update("UPDATE api_keys SET last_used_at = ? WHERE id = ?", List.of(utc(at), id));
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"),
                Arrays.stream(rs.getString("scopes").split(",")).map(ApiKeyScope::of).collect(Collectors.toSet()),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "revoked_at"), instant(rs, "last_used_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
