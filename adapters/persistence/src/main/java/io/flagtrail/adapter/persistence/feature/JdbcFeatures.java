package io.flagtrail.adapter.persistence.feature;

import io.flagtrail.adapter.persistence.Cursors;
import io.flagtrail.adapter.persistence.KeysetPage;
import io.flagtrail.adapter.persistence.LikePatterns;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.adapter.persistence.SqlErrors;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureDefinition;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Feature definitions in {@code features}, their states in {@code feature_states} (one per environment). A change
 * locks the definition's row ({@code SELECT … FOR UPDATE}) until it commits, whichever state it changes; the project
 * is found by a sub-select so that only that row is locked.
 */
@Singleton
final class JdbcFeatures implements Features {

    private static final String BY_KEY = "SELECT " + FeatureColumns.DEFINITION + " FROM features f "
            + "WHERE f.project_id = (SELECT id FROM projects WHERE project_key = ?) AND f.feature_key = ?";
    private static final String STATES = "SELECT " + FeatureColumns.STATE + " FROM feature_states s "
            + "JOIN environments e ON e.id = s.environment_id";
    private static final String STATE_ORDER = " ORDER BY e.sort_order, e.env_key";
    /** Definitions with their state in one environment, as that environment shows them. */
    private static final String VIEWS = "SELECT " + FeatureColumns.DEFINITION + ", " + FeatureColumns.STATE
            + " FROM features f JOIN feature_states s ON s.feature_id = f.id JOIN environments e ON e.id = s.environment_id"
            + " JOIN projects p ON p.id = f.project_id WHERE p.project_key = ? AND e.env_key = ?";
    private static final String INSERT_DEFINITION = "INSERT INTO features (id, project_id, feature_key, name, "
            + "description, tags, owner, variants, status, version, created_at, created_by, updated_at, updated_by) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STATE = "INSERT INTO feature_states (id, feature_id, environment_id, enabled, "
            + "rollout_percentage, targeting, version, created_at, created_by, updated_at, updated_by) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_DEFINITION = "UPDATE features SET name = ?, description = ?, tags = ?, "
            + "owner = ?, variants = ?, status = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?";
    private static final String UPDATE_STATE = "UPDATE feature_states SET enabled = ?, rollout_percentage = ?, "
            + "targeting = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?";

    /** Keys looked up per statement: well under every driver's limit of bind parameters. */
    private static final int EXISTING_CHUNK = 1000;

    private final Sql sql;

    JdbcFeatures(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<FeatureRecord> find(ProjectKey project, FeatureKey key) {
        return one(BY_KEY, project, key);
    }

    @Override
    public Optional<FeatureRecord> lock(ProjectKey project, FeatureKey key) {
        return one(BY_KEY + " FOR UPDATE", project, key);
    }

    /**
     * Two statements, deliberately: the states are read after the definition's lock is held, in a snapshot of their
     * own. One statement joining them {@code FOR UPDATE OF f} loses updates on PostgreSQL under concurrent changes
     * (tried, 2026-12-08: the persistence contract's concurrency tests failed): a statement that waited for the lock
     * re-reads the locked row only, and the joined states stay as its snapshot had them, before the change it waited
     * for.
     */
    private Optional<FeatureRecord> one(String select, ProjectKey project, FeatureKey key) {
        var definition = sql.query(select, List.of(project.value(), key.value()),
                rs -> rs.next() ? FeatureColumns.definition(rs, project) : null);
        if (definition == null) {
            return Optional.empty();
        }
        var states = sql.list(STATES + " WHERE s.feature_id = ?" + STATE_ORDER, List.of(definition.id()),
                FeatureColumns::state);
        return Optional.of(new FeatureRecord(definition, states));
    }

    @Override
    public List<FeatureRecord> lockAll(UUID projectId) {
        var project = sql.query("SELECT project_key FROM projects WHERE id = ?", List.of(projectId),
                rs -> rs.next() ? new ProjectKey(rs.getString(1)) : null);
        if (project == null) {
            return List.of();
        }
        var definitions = sql.list("SELECT " + FeatureColumns.DEFINITION + " FROM features f WHERE f.project_id = ? "
                + "ORDER BY f.feature_key FOR UPDATE", List.of(projectId), rs -> FeatureColumns.definition(rs, project));
        var states = new LinkedHashMap<UUID, List<EnvironmentState>>();
        sql.query(STATES + " WHERE e.project_id = ?" + STATE_ORDER, List.of(projectId), rs -> {
            while (rs.next()) {
                states.computeIfAbsent(rs.getObject("s_feature_id", UUID.class), id -> new ArrayList<>())
                        .add(FeatureColumns.state(rs));
            }
            return null;
        });
        return definitions.stream()
                .map(d -> new FeatureRecord(d, states.getOrDefault(d.id(), List.of()))).toList();
    }

    @Override
    public void addAll(List<FeatureRecord> features) {
        try {
            sql.batch(INSERT_DEFINITION, features.stream()
                    .<List<?>>map(f -> FeatureColumns.definitionValues(f.definition())).toList());
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw features.size() == 1 ? Conflict.featureKeyTaken(features.getFirst().definition().key().value())
                        : new Conflict("feature.key_taken", "a feature key of the batch is already in use");
            }
            throw e;
        }
        sql.batch(INSERT_STATE, features.stream().flatMap(f -> f.states().stream()
                .<List<?>>map(s -> FeatureColumns.stateValues(f.definition().id(), s))).toList());
    }

    @Override
    public Set<FeatureKey> existing(UUID projectId, Collection<FeatureKey> keys) {
        var found = new HashSet<FeatureKey>();
        var all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += EXISTING_CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + EXISTING_CHUNK));
            var args = new ArrayList<Object>();
            args.add(projectId);
            chunk.forEach(k -> args.add(k.value()));
            sql.query("SELECT feature_key FROM features WHERE project_id = ? AND feature_key IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", args, rs -> {
                        while (rs.next()) {
                            found.add(new FeatureKey(rs.getString(1)));
                        }
                        return null;
                    });
        }
        return found;
    }

    @Override
    public void updateDefinition(FeatureDefinition d) {
        int updated = sql.update(UPDATE_DEFINITION, Arrays.asList(d.name(), d.description(), FeatureColumns.tags(d.tags()),
                d.owner(), FeatureColumns.variants(d.variants()), d.status().name(), d.version(),
                FeatureColumns.utc(d.updatedAt()), d.updatedBy(), d.id()));
        if (updated != 1) {
            throw new IllegalStateException("feature " + d.key() + " is not stored: it cannot be updated");
        }
    }

    @Override
    public void updateStates(List<EnvironmentState> states) {
        var rows = states.stream().<List<?>>map(s -> Arrays.asList(s.enabled(), s.rolloutPercentage(),
                FeatureColumns.targeting(s), s.version(), FeatureColumns.utc(s.updatedAt()), s.updatedBy(), s.id())).toList();
        int updated = rows.size() == 1 ? sql.update(UPDATE_STATE, rows.getFirst())
                : Arrays.stream(sql.batch(UPDATE_STATE, rows)).map(n -> n < 0 ? 1 : n).sum();
        if (updated != rows.size()) {
            throw new IllegalStateException("a feature state is not stored: it cannot be updated");
        }
    }

    @Override
    public void addStates(Map<UUID, EnvironmentState> byFeature) {
        sql.batch(INSERT_STATE, byFeature.entrySet().stream()
                .<List<?>>map(e -> FeatureColumns.stateValues(e.getKey(), e.getValue())).toList());
    }

    @Override
    public void removeStates(UUID environmentId) {
        sql.update("DELETE FROM feature_states WHERE environment_id = ?", List.of(environmentId));
    }

    @Override
    public Map<Scope, String> fingerprints() {
        return sql.lookUp("SELECT p.project_key, e.env_key, COUNT(s.id), COALESCE(SUM(s.version), 0) FROM environments e "
                + "JOIN projects p ON p.id = e.project_id LEFT JOIN feature_states s ON s.environment_id = e.id "
                + "GROUP BY p.project_key, e.env_key", List.of(), rs -> {
                    var fingerprints = new LinkedHashMap<Scope, String>();
                    while (rs.next()) {
                        fingerprints.put(new Scope(new ProjectKey(rs.getString(1)), new EnvironmentKey(rs.getString(2))),
                                rs.getLong(3) + "-" + rs.getLong(4));
                    }
                    return fingerprints;
                });
    }

    @Override
    public Page<FeatureState> list(Scope scope, FeatureListQuery query) {
        var select = new StringBuilder(VIEWS).append(" AND f.status = ?");
        List<Object> args = new ArrayList<>(List.of(scope.project().value(), scope.environment().value(),
                query.status().name()));
        if (query.tag() != null) {
            select.append(" AND f.tags LIKE ?").append(LikePatterns.ESCAPE_CLAUSE);
            args.add("%|" + LikePatterns.escape(query.tag()) + "|%");
        }
        if (query.text() != null) {
            select.append(" AND (LOWER(f.feature_key) LIKE ?1 OR LOWER(f.name) LIKE ?1 OR LOWER(f.description) LIKE ?1)"
                    .replace("?1", "?" + LikePatterns.ESCAPE_CLAUSE));
            var pattern = LikePatterns.containing(query.text());
            args.addAll(List.of(pattern, pattern, pattern));
        }
        if (query.cursor() != null) {
            select.append(" AND f.feature_key > ?");
            args.add(Cursors.decode(query.cursor()));
        }
        select.append(" ORDER BY f.feature_key LIMIT ?");
        args.add(query.limit() + 1);
        var found = sql.lookUpList(select.toString(), args, rs -> view(rs, scope));
        return KeysetPage.of(found, query.limit(), f -> f.key().value());
    }

    @Override
    public void forEachActive(Scope scope, Consumer<FeatureState> readable, BiConsumer<String, RuntimeException> unreadable) {
        String after = "";
        int read;
        do {
            var rows = new ArrayList<String>();
            sql.lookUp(VIEWS + " AND f.status = ? AND f.feature_key > ? ORDER BY f.feature_key LIMIT ?",
                    List.of(scope.project().value(), scope.environment().value(), FeatureStatus.ACTIVE.name(), after,
                            Page.MAX_LIMIT), rs -> {
                        while (rs.next()) {
                            String key = rs.getString("feature_key");
                            rows.add(key);
                            FeatureState feature;
                            try {
                                feature = view(rs, scope);
                            } catch (RuntimeException e) {
                                unreadable.accept(key, e);
                                continue;
                            }
                            readable.accept(feature);
                        }
                        return null;
                    });
            read = rows.size();
            after = rows.isEmpty() ? after : rows.getLast();
        } while (read == Page.MAX_LIMIT);
    }

    /** One row of {@link #VIEWS} as its environment shows the feature. */
    private static FeatureState view(java.sql.ResultSet rs, Scope scope) throws java.sql.SQLException {
        var record = new FeatureRecord(FeatureColumns.definition(rs, scope.project()), List.of(FeatureColumns.state(rs)));
        return Feature.reconstitute(record).in(scope.environment());
    }
}
