package io.flagtrail.domain.feature;

import io.flagtrail.domain.audit.FieldChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An immutable picture of a feature at one version: what use cases return and what the audit trail records. */
public record FeatureState(
        UUID id,
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
        map.put("key", key.value());
        map.put("name", attributes.name());
        map.put("description", attributes.description());
        map.put("enabled", enabled);
        map.put("rolloutPercentage", attributes.rolloutPercentage());
        map.put("tags", attributes.tags());
        map.put("owner", attributes.owner());
        map.put("status", status.name());
        map.put("version", version);
        return map;
    }

    /** The business fields that differ from {@code before} (all of them when there was no before). */
    public List<FieldChange> changesSince(FeatureState before) {
        return FieldChange.between(before == null ? null : before.snapshot(), snapshot(), BOOKKEEPING);
    }
}
