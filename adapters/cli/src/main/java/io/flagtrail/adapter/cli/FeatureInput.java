package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A feature as the CLI reads it (create, import) and writes it (export): the same shape both ways. */
@Serdeable
record FeatureInput(@Nullable String key, @Nullable String name, @Nullable String description,
                    @Nullable Boolean enabled, @Nullable Integer rolloutPercentage, @Nullable List<String> tags,
                    @Nullable String owner, @Nullable String reason) {

    CreateFeatureCommand command(Origin origin) {
        return CreateFeatureCommand.of(key, name, description, rolloutPercentage, tags, owner, enabled, reason, origin);
    }
}
