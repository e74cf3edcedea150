package io.flagtrail.adapter.web.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The optional body of enable, disable and restore: why. */
@Serdeable
public record ReasonRequest(@Nullable String reason) {

    /** Where a change's reason can come instead of the body (and the only place for a DELETE). */
    public static final String HEADER = "X-Change-Reason";

    /** The body's reason, else the header's; null when neither gave one. */
    public static String of(@Nullable String body, @Nullable String header) {
        return body != null ? body : header;
    }
}
