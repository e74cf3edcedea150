package io.flagtrail.domain.feature;

import io.flagtrail.domain.evaluation.TargetingPatch;
import java.util.List;

/**
 * A partial update: a null field is left as it is. An empty {@code owner} clears the owner.
 * Switching on and off, deleting and restoring are transitions of their own, not patches.
 */
public record FeaturePatch(String name, String description, Integer rolloutPercentage, List<String> tags, String owner,
                           TargetingPatch targeting) {

    public FeaturePatch {
        targeting = targeting == null ? TargetingPatch.NONE : targeting;
    }

    /** A patch of the plain attributes only. */
    public FeaturePatch(String name, String description, Integer rolloutPercentage, List<String> tags, String owner) {
        this(name, description, rolloutPercentage, tags, owner, TargetingPatch.NONE);
    }

    public boolean isEmpty() {
        return name == null && description == null && rolloutPercentage == null && tags == null && owner == null
                && targeting.isEmpty();
    }
}
