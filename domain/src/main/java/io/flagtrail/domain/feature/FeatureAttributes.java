package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.Text;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.evaluation.Targeting;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The editable attributes of a feature, checked together: name (1-120, one line), description (at most 2000),
 * rollout percentage (0-100), at most 20 tags (slugs, kept sorted and unique), an optional owner, and the targeting
 * (variants and rules; {@link Targeting#PLAIN} for an on/off feature).
 */
public record FeatureAttributes(String name, String description, int rolloutPercentage, List<String> tags, String owner,
                                Targeting targeting) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_TAGS = 20;
    public static final int MAX_OWNER = 120;
    private static final Pattern TAG = Pattern.compile("^[a-z0-9](?:[a-z0-9._-]{0,30}[a-z0-9])?$");

    public FeatureAttributes {
        description = description == null ? "" : description;
        tags = tags == null ? List.of() : List.copyOf(new TreeSet<>(tags.stream().map(Objects::requireNonNull).toList()));
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        targeting = targeting == null ? Targeting.PLAIN : targeting;
        new Violations()
                .check(name != null && !name.isBlank() && name.length() <= MAX_NAME && !Text.hasControlCharacters(name, false),
                        "name", "must be 1-" + MAX_NAME + " characters on one line")
                .check(description.length() <= MAX_DESCRIPTION && !Text.hasControlCharacters(description, true),
                        "description", "must be at most " + MAX_DESCRIPTION + " characters without control characters")
                .check(rolloutPercentage >= 0 && rolloutPercentage <= 100,
                        "rolloutPercentage", "must be between 0 and 100")
                .check(tags.size() <= MAX_TAGS, "tags", "must be at most " + MAX_TAGS)
                .check(tags.stream().allMatch(t -> TAG.matcher(t).matches()),
                        "tags", "each must be 1-32 characters of a-z, 0-9, '.', '_', '-'")
                .check(owner == null || (owner.length() <= MAX_OWNER && !Text.hasControlCharacters(owner, false)),
                        "owner", "must be at most " + MAX_OWNER + " characters on one line")
                .throwIfAny();
    }

    /** A plain on/off feature's attributes. */
    public FeatureAttributes(String name, String description, int rolloutPercentage, List<String> tags, String owner) {
        this(name, description, rolloutPercentage, tags, owner, Targeting.PLAIN);
    }

    /**
     * These attributes with the patch's present fields applied; an empty owner in the patch clears it. Every broken
     * rule of the result, targeting included, is reported at once.
     */
    public FeatureAttributes with(FeaturePatch patch) {
        var changedTargeting = new AtomicReference<>(targeting);
        var checks = new Violations().include(() -> changedTargeting.set(patch.targeting().applyTo(targeting)));
        var result = new AtomicReference<FeatureAttributes>();
        checks.include(() -> result.set(new FeatureAttributes(
                patch.name() != null ? patch.name() : name,
                patch.description() != null ? patch.description() : description,
                patch.rolloutPercentage() != null ? patch.rolloutPercentage() : rolloutPercentage,
                patch.tags() != null ? patch.tags() : tags,
                patch.owner() != null ? patch.owner() : owner,
                changedTargeting.get()))).throwIfAny();
        return result.get();
    }
}
