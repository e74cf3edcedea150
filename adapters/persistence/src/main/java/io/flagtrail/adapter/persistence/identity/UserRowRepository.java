package io.flagtrail.adapter.persistence.identity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Generated SQL for the {@code users} table. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRowRepository extends GenericRepository<UserRow, UUID> {

    Optional<UserRow> findByEmailNormalized(String emailNormalized);

    Optional<UserRow> findById(UUID id);

    UserRow save(UserRow row);

    long count();

    void updateLastLoginAtAndPasswordHash(@Id UUID id, Instant lastLoginAt, String passwordHash);
}
