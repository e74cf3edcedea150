package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses, the one error format of the API. */
public final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private static final String TYPE_PREFIX = "urn:flagtrail:problem:";

    private Problems() {
    }

    public static MutableHttpResponse<ProblemDetails> response(HttpRequest<?> request, HttpStatus status, String code,
                                                        String detail, List<ProblemDetails.FieldError> errors) {
        return HttpResponse.<ProblemDetails>status(status).contentType(PROBLEM_JSON)
                .body(body(request, status, code, detail, errors));
    }

    static ProblemDetails body(HttpRequest<?> request, HttpStatus status, String code, String detail,
                               List<ProblemDetails.FieldError> errors) {
        return new ProblemDetails(TYPE_PREFIX + code, status.getReason(), status.getCode(), detail,
                request == null ? null : request.getPath(), code, RequestIds.of(request),
                errors == null || errors.isEmpty() ? null : errors);
    }
}
