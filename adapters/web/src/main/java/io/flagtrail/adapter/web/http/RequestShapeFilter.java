package io.flagtrail.adapter.web.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;

/**
 * What a request must look like before anything reads it, checked before authentication, throttling or database work:
 * no control character in its path or query parameters (a NUL above all: PostgreSQL cannot store it, and no key,
 * filter or cursor of this API has one), answered 400 naming the parameter; and a body only with a Content-Type
 * (415), where the framework would otherwise guess JSON. Bodies themselves are read strictly by
 * {@link StrictJsonBodyReader}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestShapeFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseMisshapenRequests(HttpRequest<?> request) {
        if (hasBody(request) && request.getContentType().isEmpty()) {
            return Problems.response(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media_type.unsupported",
                    "a request with a body needs a Content-Type (application/json)", List.of());
        }
        if (hasControl(request.getPath())) {
            return refuse(request, "the path");
        }
        for (var name : request.getParameters().names()) {
            if (hasControl(name) || request.getParameters().getAll(name).stream().anyMatch(RequestShapeFilter::hasControl)) {
                return refuse(request, "the query parameter '" + LogSafe.text(name) + "'");
            }
        }
        return null;
    }

    private static boolean hasBody(HttpRequest<?> request) {
        return request.getContentLength() > 0 || request.getHeaders().contains("Transfer-Encoding");
    }

    private static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static HttpResponse<?> refuse(HttpRequest<?> request, String where) {
        return Problems.response(request, HttpStatus.BAD_REQUEST, "request.malformed",
                where + " holds a control character (such as NUL), which no value of this API has", List.of());
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
