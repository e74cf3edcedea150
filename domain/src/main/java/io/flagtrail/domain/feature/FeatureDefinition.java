package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.project.ProjectKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a feature is in every environment of its project: its key, name, description, tags, owner and variants, and
 * whether it is deleted. Its version counts changes to these; each environment's state has its own
 * ({@link EnvironmentState}). The aggregate ({@link Feature}) checks it together with every state it serves.
 */
public record FeatureDefinition(
        UUID id,
        UUID projectId,
        ProjectKey project,
        FeatureKey key,
        String name,
        String description,
        List<String> tags,
        String owner,
        Map<String, Object> variants,
        FeatureStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public FeatureDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(key, "key");
        tags = List.copyOf(tags);
        Objects.requireNonNull(variants, "variants");
    }

    /** These fields, as the attributes of a view show them, with a new version and last change. */
    FeatureDefinition with(FeatureAttributes attributes, FeatureStatus newStatus, ChangeStamp stamp) {
        return new FeatureDefinition(id, projectId, project, key, attributes.name(), attributes.description(),
                attributes.tags(), attributes.owner(), attributes.targeting().variants(), newStatus, version + 1,
                createdAt, createdBy, stamp.at(), stamp.actor().reference());
    }

    /** Whether {@code attributes} and {@code newStatus} say something else than these fields. */
    boolean differsFrom(FeatureAttributes attributes, FeatureStatus newStatus) {
        return !name.equals(attributes.name()) || !description.equals(attributes.description())
                || !tags.equals(attributes.tags()) || !Objects.equals(owner, attributes.owner())
                || !variants.equals(attributes.targeting().variants()) || status != newStatus;
    }
}
