package io.flagtrail.adapter.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * An RFC 9457 problem: the standard members plus {@code code} (stable, for programs), {@code requestId}
 * (to find the matching log lines and audit entry) and {@code errors} (one per offending field).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetails(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                             String code, @Nullable String requestId, @Nullable List<FieldError> errors) {

    /** One invalid field and what is wrong with it. */
    @Serdeable
    @Schema(name = "FieldError")
    public record FieldError(String field, String message) {
    }
}
