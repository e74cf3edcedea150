package io.flagtrail.adapter.persistence.feature;

import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.evaluation.TargetingRule;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.FeatureDefinition;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How definitions and states sit in their columns: tags as {@code |a|b|} so that one LIKE finds a tag; a
 * definition's variants as canonical JSON {@code {"variants"}}, a state's targeting as {@code {"rules",
 * "defaultVariant", "offVariant"}}, each null when plain (on/off, no rules), read with the domain's strict reader. A
 * row moved by V17 holds the whole targeting in both columns; each reader takes only its part.
 */
final class FeatureColumns {

    /** A definition's columns, in this order, after {@code f.}. */
    static final String DEFINITION = "f.id, f.project_id, f.feature_key, f.name, f.description, f.tags, f.owner, "
            + "f.variants, f.status, f.version, f.created_at, f.created_by, f.updated_at, f.updated_by";
    /** A state's columns, each named {@code s_…} so that they can sit beside a definition's. */
    static final String STATE = "s.id AS s_id, s.feature_id AS s_feature_id, s.environment_id AS s_environment_id, "
            + "e.env_key AS s_env_key, s.enabled AS s_enabled, s.rollout_percentage AS s_rollout, "
            + "s.targeting AS s_targeting, s.version AS s_version, s.created_at AS s_created_at, "
            + "s.created_by AS s_created_by, s.updated_at AS s_updated_at, s.updated_by AS s_updated_by";

    private FeatureColumns() {
    }

    static FeatureDefinition definition(ResultSet rs, ProjectKey project) throws SQLException {
        return new FeatureDefinition(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class), project,
                new FeatureKey(rs.getString("feature_key")), rs.getString("name"), rs.getString("description"),
                tags(rs.getString("tags")), rs.getString("owner"), variants(rs.getString("variants")),
                FeatureStatus.valueOf(rs.getString("status")), rs.getLong("version"), instant(rs, "created_at"),
                rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"));
    }

    @SuppressWarnings("unchecked")
    static EnvironmentState state(ResultSet rs) throws SQLException {
        String stored = rs.getString("s_targeting");
        List<TargetingRule> rules = List.of();
        String defaultVariant = Targeting.ON;
        String offVariant = Targeting.OFF;
        if (stored != null) {
            var json = JsonReader.parseObject(stored);
            rules = Targeting.parseRules((List<Object>) json.get("rules"));
            defaultVariant = (String) json.get("defaultVariant");
            offVariant = (String) json.get("offVariant");
        }
        return new EnvironmentState(rs.getObject("s_id", UUID.class), rs.getObject("s_environment_id", UUID.class),
                new EnvironmentKey(rs.getString("s_env_key")), rs.getBoolean("s_enabled"), rs.getInt("s_rollout"),
                rules, defaultVariant, offVariant, rs.getLong("s_version"), instant(rs, "s_created_at"),
                rs.getString("s_created_by"), instant(rs, "s_updated_at"), rs.getString("s_updated_by"));
    }

    /** The values of an {@code INSERT INTO features}, in its columns' order. */
    static List<Object> definitionValues(FeatureDefinition d) {
        return Arrays.asList(d.id(), d.projectId(), d.key().value(), d.name(), d.description(), tags(d.tags()), d.owner(),
                variants(d.variants()), d.status().name(), d.version(), utc(d.createdAt()), d.createdBy(),
                utc(d.updatedAt()), d.updatedBy());
    }

    static List<Object> stateValues(UUID featureId, EnvironmentState s) {
        return Arrays.asList(s.id(), featureId, s.environmentId(), s.enabled(), s.rolloutPercentage(), targeting(s),
                s.version(), utc(s.createdAt()), s.createdBy(), utc(s.updatedAt()), s.updatedBy());
    }

    static String targeting(EnvironmentState s) {
        if (s.rules().isEmpty() && Targeting.ON.equals(s.defaultVariant()) && Targeting.OFF.equals(s.offVariant())) {
            return null;
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("rules", s.rules().stream().map(TargetingRule::toJson).toList());
        json.put("defaultVariant", s.defaultVariant());
        json.put("offVariant", s.offVariant());
        return CanonicalJson.write(json);
    }

    static String variants(Map<String, Object> variants) {
        return Targeting.PLAIN.variants().equals(variants) ? null : CanonicalJson.write(Map.of("variants", variants));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variants(String stored) {
        return stored == null ? Targeting.PLAIN.variants()
                : (Map<String, Object>) JsonReader.parseObject(stored).get("variants");
    }

    static String tags(List<String> tags) {
        return "|" + String.join("|", tags) + (tags.isEmpty() ? "" : "|");
    }

    static List<String> tags(String stored) {
        return Arrays.stream(stored.split("\\|")).filter(t -> !t.isEmpty()).toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
