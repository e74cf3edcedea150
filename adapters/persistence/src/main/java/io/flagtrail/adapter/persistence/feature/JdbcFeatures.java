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
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.FeatureStatus;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Features in the {@code features} table; a change locks its row ({@code SELECT … FOR UPDATE}) until it commits. */
@Singleton
final class JdbcFeatures implements Features {

    private static final String UPDATE = """
            UPDATE features SET name = ?, description = ?, enabled = ?, rollout_percentage = ?, tags = ?, owner = ?,
                targeting = ?, status = ?, version = ?, updated_at = ?, updated_by = ?
            WHERE id = ?""";

    /** Keys looked up per statement: well under every driver's limit of bind parameters. */
    private static final int EXISTING_CHUNK = 1000;

    private final FeatureRowRepository rows;
    private final FeatureRowMapper mapper;
    private final Sql sql;

    JdbcFeatures(FeatureRowRepository rows, FeatureRowMapper mapper, Sql sql) {
        this.rows = rows;
        this.mapper = mapper;
        this.sql = sql;
    }

    @Override
    public Optional<FeatureState> find(FeatureKey key) {
        return rows.findByFeatureKey(key.value()).map(mapper::toState);
    }

    @Override
    public Optional<FeatureState> lock(FeatureKey key) {
        return rows.lockByFeatureKey(key.value()).map(mapper::toState);
    }

    @Override
    public void add(FeatureState feature) {
        try {
            rows.save(mapper.toRow(feature));
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw Conflict.featureKeyTaken(feature.key().value());
            }
            throw e;
        }
    }

    @Override
    public void addAll(List<FeatureState> features) {
        try {
            rows.saveAll(features.stream().map(mapper::toRow).toList());
        } catch (RuntimeException e) {
            if (SqlErrors.hasState(e, SqlErrors.UNIQUE_VIOLATION)) {
                throw new Conflict("feature.key_taken", "a feature key of the batch is already in use");
            }
            throw e;
        }
    }

    @Override
    public Set<FeatureKey> existing(Collection<FeatureKey> keys) {
        var found = new HashSet<FeatureKey>();
        var all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += EXISTING_CHUNK) {
            var chunk = all.subList(from, Math.min(all.size(), from + EXISTING_CHUNK));
            sql.query("SELECT feature_key FROM features WHERE feature_key IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    chunk.stream().map(FeatureKey::value).toList(), rs -> {
                        while (rs.next()) {
                            found.add(new FeatureKey(rs.getString(1)));
                        }
                        return null;
                    });
        }
        return found;
    }

    @Override
    public String fingerprint() {
        return sql.lookUp("SELECT COUNT(*), COALESCE(SUM(version), 0) FROM features", List.of(),
                rs -> rs.next() ? rs.getLong(1) + "-" + rs.getLong(2) : "0-0");
    }

    @Override
    public void update(FeatureState feature) {
        var row = mapper.toRow(feature);
        int updated = sql.update(UPDATE, Arrays.asList(row.name(), row.description(), row.enabled(),
                row.rolloutPercentage(), row.tags(), row.owner(), row.targeting(), row.status(), row.version(),
                row.updatedAt().atOffset(ZoneOffset.UTC), row.updatedBy(), row.id()));
        if (updated != 1) {
            throw new IllegalStateException("feature " + feature.key() + " is not stored: it cannot be updated");
        }
    }

    @Override
    public Page<FeatureState> list(FeatureListQuery query) {
        var select = new StringBuilder("SELECT * FROM features WHERE status = ?");
        List<Object> args = new ArrayList<>(List.of(query.status().name()));
        if (query.tag() != null) {
            select.append(" AND tags LIKE ?").append(LikePatterns.ESCAPE_CLAUSE);
            args.add("%|" + LikePatterns.escape(query.tag()) + "|%");
        }
        if (query.text() != null) {
            select.append(" AND (LOWER(feature_key) LIKE ?1 OR LOWER(name) LIKE ?1 OR LOWER(description) LIKE ?1)"
                    .replace("?1", "?" + LikePatterns.ESCAPE_CLAUSE));
            var pattern = LikePatterns.containing(query.text());
            args.addAll(List.of(pattern, pattern, pattern));
        }
        if (query.cursor() != null) {
            select.append(" AND feature_key > ?");
            args.add(Cursors.decode(query.cursor()));
        }
        select.append(" ORDER BY feature_key LIMIT ?");
        args.add(query.limit() + 1);
        var found = sql.entities(select.toString(), args, FeatureRow.class).stream().map(mapper::toState).toList();
        return KeysetPage.of(found, query.limit(), f -> f.key().value());
    }

    @Override
    public void forEachActive(Consumer<FeatureState> readable, BiConsumer<String, RuntimeException> unreadable) {
        String after = "";
        List<FeatureRow> page;
        do {
            page = sql.entities("SELECT * FROM features WHERE status = ? AND feature_key > ? ORDER BY feature_key LIMIT ?",
                    List.of(FeatureStatus.ACTIVE.name(), after, Page.MAX_LIMIT), FeatureRow.class);
            for (var row : page) {
                FeatureState feature;
                try {
                    feature = mapper.toState(row);
                } catch (RuntimeException e) {
                    unreadable.accept(row.featureKey(), e);
                    continue;
                }
                readable.accept(feature);
            }
            after = page.isEmpty() ? after : page.getLast().featureKey();
        } while (page.size() == Page.MAX_LIMIT);
    }
}
