package io.flagtrail.domain.feature;

import java.util.List;

/**
 * A partial update: a null field is left as it is. An empty {@code owner} clears the owner.
 * Switching on and off, deleting and restoring are transitions of their own, not patches.
 */
public record FeaturePatch(String name, String description, Integer rolloutPercentage, List<String> tags, String owner) {

    public boolean isEmpty() {
        return name == null && description == null && rolloutPercentage == null && tags == null && owner == null;
    }
}
