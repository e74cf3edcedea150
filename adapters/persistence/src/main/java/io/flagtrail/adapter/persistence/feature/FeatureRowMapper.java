package io.flagtrail.adapter.persistence.feature;

import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import java.util.Arrays;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Maps features onto rows and back; tags are held as {@code |a|b|} so that a LIKE finds one, targeting as canonical
 * JSON read with the domain's strict reader.
 */
@Mapper(componentModel = "jakarta")
interface FeatureRowMapper {

    @Mapping(target = "featureKey", source = "key.value")
    @Mapping(target = "name", source = "attributes.name")
    @Mapping(target = "description", source = "attributes.description")
    @Mapping(target = "rolloutPercentage", source = "attributes.rolloutPercentage")
    @Mapping(target = "tags", source = "attributes.tags")
    @Mapping(target = "owner", source = "attributes.owner")
    @Mapping(target = "targeting", source = "attributes.targeting")
    FeatureRow toRow(FeatureState state);

    @Mapping(target = "key", source = "featureKey")
    @Mapping(target = "attributes", source = "row")
    FeatureState toState(FeatureRow row);

    default FeatureKey key(String value) {
        return new FeatureKey(value);
    }

    default FeatureAttributes attributes(FeatureRow row) {
        return new FeatureAttributes(row.name(), row.description(), row.rolloutPercentage(), tags(row.tags()), row.owner(),
                targeting(row.targeting()));
    }

    /** Plain on/off targeting is stored as null: every feature from before targeting is plain. */
    default String targeting(Targeting targeting) {
        return targeting.isPlain() ? null : CanonicalJson.write(targeting.toJson());
    }

    default Targeting targeting(String stored) {
        return stored == null ? Targeting.PLAIN : Targeting.fromJson(JsonReader.parseObject(stored));
    }

    default String tags(List<String> tags) {
        return "|" + String.join("|", tags) + (tags.isEmpty() ? "" : "|");
    }

    default List<String> tags(String stored) {
        return Arrays.stream(stored.split("\\|")).filter(t -> !t.isEmpty()).toList();
    }
}
