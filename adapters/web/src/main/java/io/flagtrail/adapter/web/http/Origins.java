package io.flagtrail.adapter.web.http;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.RequestContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

/** Builds the {@link Origin} of an HTTP request: the authenticated actor and where the request came from. */
public final class Origins {

    public static final String EMAIL_CLAIM = "email";
    public static final String NAME_CLAIM = "name";
    /** The attribute an API key's authentication carries (its id), and a user's never does. */
    public static final String API_KEY_ATTRIBUTE = "apiKey";
    private static final int MAX_USER_AGENT = 512;

    private Origins() {
    }

    public static boolean isApiKey(Authentication authentication) {
        return authentication.getAttributes().containsKey(API_KEY_ATTRIBUTE);
    }

    public static Origin of(HttpRequest<?> request, Authentication authentication) {
        var attributes = authentication.getAttributes();
        var actor = isApiKey(authentication)
                ? new Actor(ActorType.API_KEY, authentication.getName(), (String) attributes.get(NAME_CLAIM), null)
                : new Actor(ActorType.USER, authentication.getName(),
                        (String) attributes.get(NAME_CLAIM), (String) attributes.get(EMAIL_CLAIM));
        return new Origin(actor, context(request));
    }

    public static RequestContext context(HttpRequest<?> request) {
        String userAgent = request.getHeaders().get("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        String traceparent = Traceparents.valid(request.getHeaders().get("traceparent"));
        return new RequestContext(RequestIds.of(request), traceparent, Channel.HTTP,
                request.getRemoteAddress().getAddress().getHostAddress(), userAgent);
    }
}
