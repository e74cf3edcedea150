package io.flagtrail.adapter.web.http;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import java.util.HashMap;

/**
 * Puts the request id, the trace id (from a W3C {@code traceparent}) and, once known, the actor id into the MDC of
 * every thread that works on the request, so that every log line of it carries them. The keys are the logging
 * adapter's contract: {@code requestId}, {@code traceId}, {@code actorId}.
 */
final class LogContext {

    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String ACTOR_ID = "actorId";
    private static final String ATTRIBUTE = "flagtrail.logContext";

    private LogContext() {
    }

    static void start(HttpRequest<?> request, MutablePropagatedContext context, String requestId) {
        var mdc = new HashMap<String, String>();
        mdc.put(REQUEST_ID, requestId);
        String traceId = Traceparents.traceId(request.getHeaders().get("traceparent"));
        if (traceId != null) {
            mdc.put(TRACE_ID, traceId);
        }
        var element = new MdcPropagationContext(mdc);
        context.add(element);
        request.setAttribute(ATTRIBUTE, element);
    }

    static void actor(HttpRequest<?> request, MutablePropagatedContext context, String actorId) {
        var started = request.getAttribute(ATTRIBUTE, MdcPropagationContext.class).orElse(null);
        var mdc = new HashMap<String, String>(started == null ? java.util.Map.of() : started.state());
        mdc.put(ACTOR_ID, actorId);
        var element = new MdcPropagationContext(mdc);
        if (started == null) {
            context.add(element);
        } else {
            context.replace(started, element);
        }
        request.setAttribute(ATTRIBUTE, element);
    }
}
