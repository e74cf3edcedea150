package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** A body {@link StrictJsonBodyReader} refused: 400 problem+json naming the fields, nothing bound, nothing done. */
@Singleton
final class StrictJsonBodyRefusedHandler
        implements ExceptionHandler<StrictJsonBodyReader.Refused, HttpResponse<ProblemDetails>> {

    @Override
    public HttpResponse<ProblemDetails> handle(HttpRequest request, StrictJsonBodyReader.Refused refused) {
        return Problems.response(request, HttpStatus.BAD_REQUEST, "request.malformed", refused.getMessage(),
                refused.errors());
    }
}
