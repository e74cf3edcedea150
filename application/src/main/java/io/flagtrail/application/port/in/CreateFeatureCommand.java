package io.flagtrail.application.port.in;

import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.project.Scope;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Create a feature with this key and these attributes in the scope's project, in each of its environments, switched on
 * in the scope's environment when {@code enabled} (and off in the others).
 */
public record CreateFeatureCommand(Scope scope, FeatureKey key, FeatureAttributes attributes, boolean enabled, Reason reason,
                                   Origin origin) {

    public CreateFeatureCommand {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(origin, "origin");
    }

    /** The command of the compatibility path: the default project, on in its production when {@code enabled}. */
    public CreateFeatureCommand(FeatureKey key, FeatureAttributes attributes, boolean enabled, Reason reason,
                                Origin origin) {
        this(Scope.COMPATIBILITY, key, attributes, enabled, reason, origin);
    }

    /**
     * The command from raw input as a driving adapter receives it (any field may be missing): a rollout of 100,
     * plain on/off targeting and switched off unless given. Every broken rule is reported at once, each naming its field.
     */
    public static CreateFeatureCommand of(Scope scope, String key, String name, String description, Integer rolloutPercentage,
                                          List<String> tags, String owner, TargetingPatch targeting, Boolean enabled,
                                          String reason, Origin origin) {
        var checkedKey = new AtomicReference<FeatureKey>();
        var attributes = new AtomicReference<FeatureAttributes>();
        var checkedReason = new AtomicReference<Reason>();
        var checkedTargeting = new AtomicReference<>(Targeting.PLAIN);
        new Violations()
                .include(() -> checkedKey.set(new FeatureKey(key)))
                .include(() -> checkedTargeting.set(targeting == null ? Targeting.PLAIN : targeting.applyTo(Targeting.PLAIN)))
                .include(() -> attributes.set(new FeatureAttributes(name, description,
                        rolloutPercentage == null ? 100 : rolloutPercentage, tags, owner, checkedTargeting.get())))
                .include(() -> checkedReason.set(Reason.ofNullable(reason)))
                .throwIfAny();
        return new CreateFeatureCommand(scope, checkedKey.get(), attributes.get(), Boolean.TRUE.equals(enabled),
                checkedReason.get(), origin);
    }
}
