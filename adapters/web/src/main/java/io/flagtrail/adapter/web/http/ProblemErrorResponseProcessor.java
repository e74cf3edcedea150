package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Turns the framework's own errors (no route, wrong method, unreadable body, 401/403 from security, too large,
 * wrong media type, and any unexpected failure) into problem+json. Server errors never carry the exception's
 * message or stack trace: the request id is how an operator finds the details in the log.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<ProblemDetails> {

    /** What every server error says, whichever way it is answered: the details stay in the log. */
    static final String SERVER_ERROR_CODE = "internal.error";
    static final String SERVER_ERROR_DETAIL = "the server failed; quote the request id when reporting it";

    private static final Map<Integer, String> CODES = Map.of(
            400, "request.malformed",
            401, "auth.unauthenticated",
            403, "auth.forbidden",
            404, "route.not_found",
            405, "method.not_allowed",
            406, "media_type.not_acceptable",
            413, "request.too_large",
            415, "media_type.unsupported");

    @Override
    public MutableHttpResponse<ProblemDetails> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        var status = response.status();
        String code = CODES.getOrDefault(status.getCode(), status.getCode() >= 500 ? SERVER_ERROR_CODE : "request.failed");
        String detail = status.getCode() >= 500 || !context.hasErrors()
                ? defaultDetail(status)
                : context.getErrors().getFirst().getMessage();
        return response.contentType(Problems.PROBLEM_JSON)
                .body(Problems.body(context.getRequest(), status, code, LogSafe.text(detail), null));
    }

    private static String defaultDetail(HttpStatus status) {
        return switch (status.getCode()) {
            case 401 -> "a valid bearer token is required";
            case 403 -> "your roles do not allow this";
            case 404 -> "no such resource";
            default -> status.getCode() >= 500 ? SERVER_ERROR_DETAIL
                    : status.getReason();
        };
    }
}
