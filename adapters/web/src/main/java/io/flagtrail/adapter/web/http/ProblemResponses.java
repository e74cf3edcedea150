package io.flagtrail.adapter.web.http;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem+json answers every authenticated API operation can give, documented once: a controller carrying this
 * has them in each of its operations of the OpenAPI document, beside the operation's own (404, 409, 412 …).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ApiResponse(responseCode = "400", description = "invalid input: `errors` names each bad field",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "401", description = "no valid credentials",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "403", description = "the caller's roles or key scopes do not allow this",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "413", description = "the body is over 1 MB",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "415", description = "a body that is not JSON, or one without a Content-Type",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "503", description = "the database cannot be reached; retry after `Retry-After` seconds",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
public @interface ProblemResponses {
}
