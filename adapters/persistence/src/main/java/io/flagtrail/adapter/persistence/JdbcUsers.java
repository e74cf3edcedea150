package io.flagtrail.adapter.persistence;

import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Users in the {@code users} table, unique by lower-cased e-mail. */
@Singleton
final class JdbcUsers implements Users {

    private final UserRowRepository rows;
    private final UserRowMapper mapper;

    JdbcUsers(UserRowRepository rows, UserRowMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        return rows.findByEmailNormalized(email.normalized()).map(mapper::toUser);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return rows.findById(id).map(mapper::toUser);
    }

    @Override
    public void add(User user) {
        try {
            rows.save(mapper.toRow(user));
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw new Conflict("user.email_taken", "a user with this e-mail already exists");
            }
            throw e;
        }
    }

    @Override
    public long count() {
        return rows.count();
    }

    @Override
    public void recordLogin(UUID id, Instant at, String passwordHash) {
        rows.updateLastLoginAtAndPasswordHash(id, at, passwordHash);
    }
}
