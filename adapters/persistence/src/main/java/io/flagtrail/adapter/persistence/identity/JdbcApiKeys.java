package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
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

/**
 * API keys in {@code api_keys}; scopes as a comma-separated list, the environment a key is bound to by its id (null
 * once that environment was deleted), read back with its project's and its own key.
 */
@Singleton
final class JdbcApiKeys implements ApiKeys {

    private static final String COLUMNS = "SELECT k.id, k.name, k.key_prefix, k.secret_hash, k.scopes, k.created_by, "
            + "k.created_at, k.expires_at, k.revoked_at, k.last_used_at, p.project_key, e.env_key FROM api_keys k "
            + "LEFT JOIN environments e ON e.id = k.environment_id LEFT JOIN projects p ON p.id = e.project_id";

    private final Sql sql;

    JdbcApiKeys(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void add(ApiKey k, String lookup, String secretHash) {
        sql.update("INSERT INTO api_keys (id, name, key_prefix, lookup_key, secret_hash, scopes, created_by, created_at, "
                + "expires_at, environment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT e.id FROM environments e "
                + "JOIN projects p ON p.id = e.project_id WHERE p.project_key = ? AND e.env_key = ?))",
                Arrays.asList(k.id(), k.name(), k.prefix(), lookup, secretHash,
                        k.scopes().stream().map(ApiKeyScope::value).sorted().collect(Collectors.joining(",")),
                        k.createdBy(), utc(k.createdAt()), utc(k.expiresAt()), k.boundTo().project().value(),
                        k.boundTo().environment().value()));
    }

    @Override
    public Optional<Stored> findByLookup(String lookup) {
        return sql.lookUp(COLUMNS + " WHERE k.lookup_key = ?", List.of(lookup),
                rs -> rs.next() ? Optional.of(new Stored(key(rs), rs.getString("secret_hash"))) : Optional.empty());
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return sql.query(COLUMNS + " WHERE k.id = ?", List.of(id), rs -> rs.next() ? Optional.of(key(rs)) : Optional.empty());
    }

    @Override
    public List<ApiKey> list() {
        return sql.list(COLUMNS + " ORDER BY k.created_at DESC, k.id", List.of(), rs -> key(rs));
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
                rs.getString("env_key") == null ? null : new Scope(new ProjectKey(rs.getString("project_key")),
                        new EnvironmentKey(rs.getString("env_key"))),
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
