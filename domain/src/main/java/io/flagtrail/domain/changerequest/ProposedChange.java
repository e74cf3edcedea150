package io.flagtrail.domain.changerequest;

import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.feature.FeatureKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One feature's state in the request's environment, as it was at {@code baseVersion} ({@code before}) and as the
 * request would leave it ({@code after}): the diff a reviewer approves. Applying it checks that the state is still
 * at {@code baseVersion}; if not, the request is conflicted and must be rebased.
 */
public record ProposedChange(FeatureKey feature, long baseVersion, Map<String, Object> before,
                             Map<String, Object> after) {

    public ProposedChange {
        Objects.requireNonNull(feature, "feature");
        // a state's snapshot may hold nulls (no owner, no off variant): kept as given, not Map.copyOf
        before = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(before, "before")));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(after, "after")));
        if (baseVersion < 1) {
            throw InvalidInput.of("baseVersion", "must be a version the feature had (1 or more)");
        }
    }

    /** {@code {feature, baseVersion, before, after}}: as audited and as stored. */
    public Map<String, Object> json() {
        var map = new LinkedHashMap<String, Object>();
        map.put("feature", feature.value());
        map.put("baseVersion", baseVersion);
        map.put("before", before);
        map.put("after", after);
        return map;
    }

    /** Field by field, what approving this change approves. */
    public List<FieldChange> diff() {
        return FieldChange.between(before, after, Set.of());
    }

    public boolean changesNothing() {
        return before.equals(after);
    }
}
