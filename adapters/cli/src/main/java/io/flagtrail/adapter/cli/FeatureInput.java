package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.project.Scope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A feature as the CLI reads it (create, import) and writes it (export): the same shape both ways. Without variants
 * the feature is a plain on/off flag.
 */
@Serdeable
record FeatureInput(@Nullable String key, @Nullable String name, @Nullable String description,
                    @Nullable Boolean enabled, @Nullable Integer rolloutPercentage, @Nullable List<String> tags,
                    @Nullable String owner, @Nullable Map<String, Object> variants, @Nullable List<Object> rules,
                    @Nullable String defaultVariant, @Nullable String offVariant, @Nullable String reason) {

    /** From the command line's options: a plain feature. */
    static FeatureInput of(String key, String name, String description, Boolean enabled, Integer rolloutPercentage,
                           List<String> tags, String owner, String reason) {
        return new FeatureInput(key, name, description, enabled, rolloutPercentage, tags, owner, null, null, null, null,
                reason);
    }

    /** The importable form of a feature; plain targeting is left out, as it is the default. */
    static FeatureInput exported(FeatureState f) {
        var a = f.attributes();
        var t = a.targeting();
        boolean plain = t.isPlain();
        return new FeatureInput(f.key().value(), a.name(), a.description(), f.enabled(), a.rolloutPercentage(),
                a.tags(), a.owner(), plain ? null : t.variants(), plain ? null : List.copyOf(t.rulesJson()),
                plain ? null : t.defaultVariant(), plain ? null : t.offVariant(), null);
    }

    FeatureInput withReason(String reason) {
        return reason == null ? this : new FeatureInput(key, name, description, enabled, rolloutPercentage, tags, owner,
                variants, rules, defaultVariant, offVariant, reason);
    }

    CreateFeatureCommand command(Scope scope, Origin origin) {
        return CreateFeatureCommand.of(scope, key, name, description, rolloutPercentage, tags, owner,
                new TargetingPatch(variants, rules, defaultVariant, offVariant), enabled, reason, origin);
    }

    /** A {@code --status} option: ACTIVE, DELETED or absent. */
    static FeatureStatus status(String status) {
        if (status == null) {
            return null;
        }
        try {
            return FeatureStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("status", "must be ACTIVE or DELETED");
        }
    }
}
