package io.flagtrail.adapter.web;

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
 * Refuses a request whose path or query parameters hold a control character (a NUL above all: PostgreSQL cannot store
 * it, and no key, filter or cursor of this API has one) with 400 problem+json naming the parameter, before any
 * authentication, throttling or database work. Bodies are checked where they are read (the domain rules, and the
 * database's refusal mapped to 400).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class NulCharacterFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuseControlCharacters(HttpRequest<?> request) {
        if (hasControl(request.getPath())) {
            return refuse(request, "the path");
        }
        for (var name : request.getParameters().names()) {
            if (hasControl(name) || request.getParameters().getAll(name).stream().anyMatch(NulCharacterFilter::hasControl)) {
                return refuse(request, "the query parameter '" + LogSafe.text(name) + "'");
            }
        }
        return null;
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
