package io.flagtrail.adapter.web.evaluation;

import io.flagtrail.adapter.web.http.ProblemDetails;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * OFREP's error answers: evaluation errors in OFREP's own shape ({@code key, errorCode, errorDetails}), the
 * service's own refusals (credentials, rate limit, outage) as problem+json.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ApiResponse(responseCode = "400", description = "PARSE_ERROR, INVALID_CONTEXT or TARGETING_KEY_MISSING in OFREP's shape;"
        + " an API key in the URL is refused as problem+json (auth.api_key_in_url), before the request is evaluated",
        content = {@Content(mediaType = "application/json", schema = @Schema(implementation = OfrepController.OfrepError.class)),
                @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class))})
@ApiResponse(responseCode = "401", description = "no valid API key or token",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "403", description = "the key lacks the evaluate scope",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "413", description = "the body is over 1 MB",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "415", description = "a body that is not JSON",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@ApiResponse(responseCode = "429", description = "beyond the caller's rate limit; retry after `Retry-After` seconds",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
@interface OfrepResponses {
}
