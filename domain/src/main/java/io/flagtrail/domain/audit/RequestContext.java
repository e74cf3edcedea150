package io.flagtrail.domain.audit;

import java.util.Objects;

/** Where a request came from, as far as the driving adapter knows; recorded in every entry. */
public record RequestContext(String requestId, String traceparent, Channel channel, String ip, String userAgent) {

    public RequestContext {
        Objects.requireNonNull(channel, "channel");
    }

    public static RequestContext system() {
        return new RequestContext(null, null, Channel.SYSTEM, null, null);
    }
}
