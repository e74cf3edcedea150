package io.flagtrail.domain.feature;

import java.util.List;

/** Everything stored of one feature: its definition and its state in each environment of its project, in their order. */
public record FeatureRecord(FeatureDefinition definition, List<EnvironmentState> states) {

    public FeatureRecord {
        states = List.copyOf(states);
    }
}
