package io.flagtrail.adapter.persistence;

import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import java.util.Arrays;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps features onto rows and back; tags are held as {@code |a|b|} so that a LIKE finds one. */
@Mapper(componentModel = "jakarta")
interface FeatureRowMapper {

    @Mapping(target = "featureKey", source = "key.value")
    @Mapping(target = "name", source = "attributes.name")
    @Mapping(target = "description", source = "attributes.description")
    @Mapping(target = "rolloutPercentage", source = "attributes.rolloutPercentage")
    @Mapping(target = "tags", source = "attributes.tags")
    @Mapping(target = "owner", source = "attributes.owner")
    FeatureRow toRow(FeatureState state);

    @Mapping(target = "key", source = "featureKey")
    @Mapping(target = "attributes", source = "row")
    FeatureState toState(FeatureRow row);

    default FeatureKey key(String value) {
        return new FeatureKey(value);
    }

    default FeatureAttributes attributes(FeatureRow row) {
        return new FeatureAttributes(row.name(), row.description(), row.rolloutPercentage(), tags(row.tags()), row.owner());
    }

    default String tags(List<String> tags) {
        return "|" + String.join("|", tags) + (tags.isEmpty() ? "" : "|");
    }

    default List<String> tags(String stored) {
        return Arrays.stream(stored.split("\\|")).filter(t -> !t.isEmpty()).toList();
    }
}
