package io.flagtrail.adapter.web.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The optional body of enable, disable and restore: why. */
@Serdeable
public record ReasonRequest(@Nullable String reason) {
}
