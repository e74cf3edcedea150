package io.flagtrail.adapter.persistence;

import io.flagtrail.application.port.out.ServerSecrets;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Generated secrets in {@code server_secrets}. Two instances starting at once both try to insert; the primary
 * key lets one win, and both then read the winner's value.
 */
@Singleton
final class JdbcServerSecrets implements ServerSecrets {

    private final Sql sql;

    JdbcServerSecrets(Sql sql) {
        this.sql = sql;
    }

    @Override
    public String getOrCreate(String name, Supplier<String> generator) {
        return read(name).orElseGet(() -> {
            try {
                sql.update("INSERT INTO server_secrets (name, secret_value, created_at) VALUES (?, ?, ?)",
                        List.of(name, generator.get(), Instant.now().atOffset(ZoneOffset.UTC)));
            } catch (RuntimeException e) {
                if (!SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                    throw e;
                }
            }
            return read(name).orElseThrow();
        });
    }

    private Optional<String> read(String name) {
        return sql.query("SELECT secret_value FROM server_secrets WHERE name = ?", List.of(name),
                resultSet -> resultSet.next() ? Optional.of(resultSet.getString(1)) : Optional.<String>empty());
    }
}
