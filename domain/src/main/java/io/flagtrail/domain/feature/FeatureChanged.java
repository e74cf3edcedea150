package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.audit.FieldChange;
import java.util.List;

/**
 * The domain event a feature records for every change that changed something: the state before (null on
 * creation) and after, the field diff, and the stamp of who, when and why.
 */
public record FeatureChanged(FeatureAction action, FeatureState before, FeatureState after, List<FieldChange> changes,
                             ChangeStamp stamp) {

    public FeatureChanged {
        changes = List.copyOf(changes);
    }
}
