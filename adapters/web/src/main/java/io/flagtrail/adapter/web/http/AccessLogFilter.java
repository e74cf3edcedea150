package io.flagtrail.adapter.web.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code LOG_ACCESS=true}, one line per request on logger {@code HTTP_ACCESS_LOGGER}: method, path, final status,
 * duration and request id. The path without its query string: a query may carry search text, and a credential put in
 * the URL (refused with 400) must not reach the log either. It runs first and so answers last: the status is the one
 * the client got, refusals by security included.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "flagtrail.http.access-log", value = "true")
final class AccessLogFilter implements Ordered {

    private static final Logger LOG = LoggerFactory.getLogger("HTTP_ACCESS_LOGGER");
    private static final String STARTED = AccessLogFilter.class.getName() + ".started";

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        long started = request.getAttribute(STARTED, Long.class).orElse(System.nanoTime());
        LOG.info("{} {} {} {} ms request={}", request.getMethodName(), LogSafe.text(request.getPath()), response.code(),
                (System.nanoTime() - started) / 1_000_000, RequestIds.of(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }
}
