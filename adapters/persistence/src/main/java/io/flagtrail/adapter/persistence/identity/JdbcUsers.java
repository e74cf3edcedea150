package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Cursors;
import io.flagtrail.adapter.persistence.KeysetPage;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.adapter.persistence.SqlErrors;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users in the {@code users} table, unique by lower-cased e-mail. */
@Singleton
final class JdbcUsers implements Users {

    private final UserRowRepository rows;
    private final UserRowMapper mapper;
    private final Sql sql;

    JdbcUsers(UserRowRepository rows, UserRowMapper mapper, Sql sql) {
        this.rows = rows;
        this.mapper = mapper;
        this.sql = sql;
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

    @Override
    public void update(User user) {
        var row = mapper.toRow(user);
        sql.update("UPDATE users SET display_name = ?, password_hash = ?, roles = ?, role_grants = ?, status = ? "
                + "WHERE id = ?", List.of(row.displayName(), row.passwordHash(), row.roles(), row.roleGrants(),
                row.status(), row.id()));
    }

    @Override
    public Page<User> list(int limit, String cursor) {
        var args = new ArrayList<Object>();
        var select = new StringBuilder("SELECT * FROM users");
        if (cursor != null) {
            select.append(" WHERE email_normalized > ?");
            args.add(Cursors.decode(cursor));
        }
        select.append(" ORDER BY email_normalized LIMIT ?");
        args.add(limit + 1);
        var found = sql.entities(select.toString(), args, UserRow.class);
        var page = KeysetPage.of(found, limit, UserRow::emailNormalized);
        return new Page<>(page.items().stream().map(mapper::toUser).toList(), page.nextCursor());
    }

    @Override
    public List<User> withGrantsIn(ProjectKey project) {
        // keys are [a-z0-9_-]: '_' is LIKE's one-character wildcard, so this may find more; the caller's domain rule
        // (User.revokeGrantsIn) decides exactly which grants are in the place
        return sql.entities("SELECT * FROM users WHERE ',' || role_grants || ',' LIKE ? OR role_grants LIKE ?",
                List.of("%@" + project.value() + ",%", "%@" + project.value() + "/%"), UserRow.class)
                .stream().map(mapper::toUser).toList();
    }

    @Override
    public long countActiveWith(Role role) {
        return sql.query("SELECT COUNT(*) FROM users WHERE status = 'ACTIVE' AND ',' || roles || ',' LIKE ?",
                List.of("%," + role.name() + ",%"), rs -> rs.next() ? rs.getLong(1) : 0L);
    }
}
