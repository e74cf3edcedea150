package io.flagtrail.adapter.web.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/** Once security has identified the caller, adds the actor id to the log context of the request. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ActorLogFilter implements Ordered {

    @RequestFilter
    void actor(HttpRequest<?> request, MutablePropagatedContext context) {
        request.getUserPrincipal().ifPresent(principal -> LogContext.actor(request, context, principal.getName()));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
