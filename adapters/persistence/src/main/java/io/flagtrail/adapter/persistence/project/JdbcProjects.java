package io.flagtrail.adapter.persistence.project;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.adapter.persistence.SqlErrors;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Revision;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Projects in {@code projects}, environments in {@code environments}; a change locks its row until it commits. */
@Singleton
final class JdbcProjects implements Projects {

    private static final String PROJECT = "SELECT id, project_key, name, description, owner, version, created_at, "
            + "created_by, updated_at, updated_by FROM projects";
    private static final String ENVIRONMENT = "SELECT id, project_id, env_key, name, env_type, sort_order, "
            + "required_approvals, approver_roles, approver_users, author_may_approve, break_glass_roles, version, "
            + "created_at, created_by, updated_at, updated_by FROM environments";

    private final Sql sql;

    JdbcProjects(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<Project> find(ProjectKey key) {
        return sql.lookUp(PROJECT + " WHERE project_key = ?", List.of(key.value()), JdbcProjects::oneProject);
    }

    @Override
    public Optional<Project> lock(ProjectKey key) {
        return sql.query(PROJECT + " WHERE project_key = ? FOR UPDATE", List.of(key.value()), JdbcProjects::oneProject);
    }

    @Override
    public List<Project> list() {
        return sql.lookUpList(PROJECT + " ORDER BY project_key", List.of(), JdbcProjects::project);
    }

    @Override
    public void add(Project p) {
        var r = p.revision();
        try {
            sql.update("INSERT INTO projects (id, project_key, name, description, owner, version, created_at, "
                    + "created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(p.id(),
                    p.key().value(), p.name(), p.description(), p.owner(), r.version(), utc(r.createdAt()),
                    r.createdBy(), utc(r.updatedAt()), r.updatedBy()));
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw new Conflict("project.key_taken", "a project with key '" + p.key() + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public void update(Project p) {
        var r = p.revision();
        expectOne(sql.update("UPDATE projects SET name = ?, description = ?, owner = ?, version = ?, updated_at = ?, "
                + "updated_by = ? WHERE id = ?", Arrays.asList(p.name(), p.description(), p.owner(), r.version(),
                utc(r.updatedAt()), r.updatedBy(), p.id())), "project " + p.key());
    }

    @Override
    public List<Environment> environments(UUID projectId) {
        return sql.lookUpList(ENVIRONMENT + " WHERE project_id = ? ORDER BY sort_order, env_key", List.of(projectId),
                JdbcProjects::environment);
    }

    @Override
    public Optional<Environment> lockEnvironment(UUID projectId, EnvironmentKey key) {
        return sql.query(ENVIRONMENT + " WHERE project_id = ? AND env_key = ? FOR UPDATE",
                List.of(projectId, key.value()), rs -> rs.next() ? Optional.of(environment(rs)) : Optional.empty());
    }

    @Override
    public void add(Environment e) {
        var r = e.revision();
        try {
            var p = e.policy();
            sql.update("INSERT INTO environments (id, project_id, env_key, name, env_type, sort_order, "
                    + "required_approvals, approver_roles, approver_users, author_may_approve, break_glass_roles, "
                    + "version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(e.id(), e.projectId(), e.key().value(), e.name(), e.type().name(), e.sortOrder(),
                            p.requiredApprovals(), roles(p.approverRoles()), users(p), p.authorMayApprove(),
                            roles(p.breakGlassRoles()), r.version(),
                            utc(r.createdAt()), r.createdBy(), utc(r.updatedAt()), r.updatedBy()));
        } catch (RuntimeException failure) {
            if (SqlErrors.hasState(failure, SqlErrors.UNIQUE_VIOLATION)) {
                throw new Conflict("environment.key_taken", "the project already has an environment '" + e.key() + "'");
            }
            throw failure;
        }
    }

    @Override
    public void update(Environment e) {
        var r = e.revision();
        var p = e.policy();
        expectOne(sql.update("UPDATE environments SET name = ?, env_type = ?, sort_order = ?, required_approvals = ?, "
                + "approver_roles = ?, approver_users = ?, author_may_approve = ?, break_glass_roles = ?, version = ?, "
                + "updated_at = ?, updated_by = ? WHERE id = ?", Arrays.asList(e.name(), e.type().name(),
                e.sortOrder(), p.requiredApprovals(), roles(p.approverRoles()), users(p), p.authorMayApprove(),
                roles(p.breakGlassRoles()), r.version(), utc(r.updatedAt()), r.updatedBy(), e.id())),
                "environment " + e.key());
    }

    @Override
    public void delete(Environment e) {
        expectOne(sql.update("DELETE FROM environments WHERE id = ?", List.of(e.id())), "environment " + e.key());
    }

    private static void expectOne(int rows, String what) {
        if (rows != 1) {
            throw new IllegalStateException(what + " is not stored: it cannot be changed");
        }
    }

    /** Roles and named users as comma-separated lists, sorted so that equal policies store alike. */
    private static String roles(Set<Role> roles) {
        return String.join(",", roles.stream().map(Enum::name).sorted().toList());
    }

    private static String users(ApprovalPolicy p) {
        return String.join(",", p.approverUsers().stream().sorted().toList());
    }

    private static ApprovalPolicy policy(ResultSet rs) throws SQLException {
        return new ApprovalPolicy(rs.getInt("required_approvals"), roles(rs.getString("approver_roles")),
                Set.copyOf(split(rs.getString("approver_users"))), rs.getBoolean("author_may_approve"),
                roles(rs.getString("break_glass_roles")));
    }

    private static Set<Role> roles(String stored) {
        return split(stored).stream().map(Role::valueOf).collect(Collectors.toSet());
    }

    private static List<String> split(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split(","));
    }

    private static Optional<Project> oneProject(ResultSet rs) throws SQLException {
        return rs.next() ? Optional.of(project(rs)) : Optional.empty();
    }

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(rs.getObject("id", UUID.class), new ProjectKey(rs.getString("project_key")),
                rs.getString("name"), rs.getString("description"), rs.getString("owner"), revision(rs));
    }

    private static Environment environment(ResultSet rs) throws SQLException {
        return new Environment(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                new EnvironmentKey(rs.getString("env_key")), rs.getString("name"),
                EnvironmentType.valueOf(rs.getString("env_type")), rs.getInt("sort_order"),
                policy(rs), revision(rs));
    }

    private static Revision revision(ResultSet rs) throws SQLException {
        return new Revision(rs.getLong("version"), instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
