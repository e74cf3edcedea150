package io.flagtrail.adapter.web.http;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.DomainException;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.error.TooManyAttempts;
import io.flagtrail.domain.error.TryLater;
import io.flagtrail.domain.error.Unavailable;
import io.flagtrail.domain.error.Unauthenticated;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Answers every domain error as problem+json. The sealed hierarchy makes the switch exhaustive: a new kind
 * of error does not compile until it has a status here.
 */
@Singleton
final class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, DomainException error) {
        List<ProblemDetails.FieldError> fields = error instanceof InvalidInput invalid
                ? invalid.violations().stream().map(v -> new ProblemDetails.FieldError(v.field(), v.message())).toList()
                : List.of();
        var response = Problems.response(request, status(error), error.code(), error.getMessage(), fields);
        if (error instanceof StaleVersion stale) {
            response.header("ETag", Versions.etag(stale.actual()));
        }
        if (error instanceof TryLater later) {
            response.header("Retry-After", String.valueOf(Math.max(1, later.retryAfter().toSeconds())));
        }
        return response;
    }

    /** Stale versions answer 412: the request's precondition (If-Match, or the version it read) failed. */
    private static HttpStatus status(DomainException error) {
        return switch (error) {
            case InvalidInput e -> HttpStatus.BAD_REQUEST;
            case Unauthenticated e -> HttpStatus.UNAUTHORIZED;
            case PermissionDenied e -> HttpStatus.FORBIDDEN;
            case NotFound e -> HttpStatus.NOT_FOUND;
            case Conflict e -> HttpStatus.CONFLICT;
            case StaleVersion e -> HttpStatus.PRECONDITION_FAILED;
            case TooManyAttempts e -> HttpStatus.TOO_MANY_REQUESTS;
            case Unavailable e -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }
}
