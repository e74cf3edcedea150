package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.application.port.in.RecordAccessDeniedUseCase;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

/** Records every 403 given to an identified caller as ACCESS_DENIED, off the event loop. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AccessDeniedFilter implements Ordered {

    private final RecordAccessDeniedUseCase record;

    AccessDeniedFilter(RecordAccessDeniedUseCase record) {
        this.record = record;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void denied(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getStatus() != HttpStatus.FORBIDDEN) {
            return;
        }
        request.getUserPrincipal(Authentication.class).ifPresent(principal ->
                record.accessDenied(request.getMethodName(), request.getPath(), Origins.of(request, principal)));
    }

    /** Before security: a refusal by the security filter ends the chain there, so only an outer filter sees it. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
