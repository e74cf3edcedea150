package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Problems;
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
 * Refuses an API key in the URL (query strings end up in access logs, proxies and browser history): the request is
 * answered 400 before anything reads the key, which then counts as leaked and should be revoked.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyInUrlFilter implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> refuse(HttpRequest<?> request) {
        for (var name : request.getParameters().names()) {
            for (var value : request.getParameters().getAll(name)) {
                if (value != null && value.strip().startsWith("ft_")) {
                    return Problems.response(request, HttpStatus.BAD_REQUEST, "auth.api_key_in_url",
                            "API keys are not accepted in the URL; send the key in the X-API-Key header, and revoke "
                                    + "this one: it may be in logs now", List.of());
                }
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
