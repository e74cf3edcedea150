package io.flagtrail.domain.feature;

import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.evaluation.FlagDefinition;
import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable picture of a feature in one environment at one version: its definition with that environment's
 * state. It is what use cases return and what the audit trail records; its id is the environment state's, the
 * subject of the feature's history in that environment.
 */
public record FeatureState(
        UUID id,
        ProjectKey project,
        EnvironmentKey environment,
        FeatureKey key,
        FeatureAttributes attributes,
        boolean enabled,
        FeatureStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    /** Fields a diff leaves out: they change with every version and say nothing about what changed. */
    private static final Set<String> BOOKKEEPING = Set.of("version");

    /** The audited snapshot: the business fields, in a fixed order, as JSON-friendly values. */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("project", project.value());
        map.put("environment", environment.value());
        map.put("key", key.value());
        map.put("name", attributes.name());
        map.put("description", attributes.description());
        map.put("enabled", enabled);
        map.put("rolloutPercentage", attributes.rolloutPercentage());
        map.put("tags", attributes.tags());
        map.put("owner", attributes.owner());
        map.putAll(attributes.targeting().toJson());
        map.put("status", status.name());
        map.put("version", version);
        return map;
    }

    /**
     * The feature as an audited snapshot described it: the inverse of {@link #snapshot()}, with the bookkeeping
     * the snapshot leaves out (creation and last change) given by the entries around it. Snapshots written before
     * features had targeting have no {@code variants}: those features were plain; snapshots written before projects
     * name no project nor environment: they are of the default project's production, the scope asked for.
     */
    @SuppressWarnings("unchecked")
    public static FeatureState fromSnapshot(UUID id, Scope scope, Map<String, Object> snapshot, Instant createdAt, String createdBy,
                                            Instant updatedAt, String updatedBy) {
        var targeting = snapshot.containsKey("variants") ? Targeting.fromJson(snapshot) : Targeting.PLAIN;
        var attributes = new FeatureAttributes((String) snapshot.get("name"), (String) snapshot.get("description"),
                ((Number) snapshot.get("rolloutPercentage")).intValue(), (List<String>) snapshot.get("tags"),
                (String) snapshot.get("owner"), targeting);
        return new FeatureState(id, scope.project(), scope.environment(), new FeatureKey((String) snapshot.get("key")), attributes,
                (Boolean) snapshot.get("enabled"), FeatureStatus.valueOf((String) snapshot.get("status")),
                ((Number) snapshot.get("version")).longValue(), createdAt, createdBy, updatedAt, updatedBy);
    }

    public Scope scope() {
        return new Scope(project, environment);
    }

    /** What evaluation serves of this feature; a deleted feature is not served at all, so callers skip it. */
    public FlagDefinition flagDefinition() {
        return new FlagDefinition(key.value(), enabled, attributes.targeting(), attributes.rolloutPercentage());
    }

    /** The business fields that differ from {@code before} (all of them when there was no before). */
    public List<FieldChange> changesSince(FeatureState before) {
        return FieldChange.between(before == null ? null : before.snapshot(), snapshot(), BOOKKEEPING);
    }
}
