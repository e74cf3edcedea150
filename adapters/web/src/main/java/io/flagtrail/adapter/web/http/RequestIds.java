package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request id of each request: the caller's {@code X-Request-Id} when it is a sane token, else a new UUID.
 * It is returned in the response header, put in problem bodies and recorded in audit entries.
 */
public final class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "flagtrail.requestId";
    private static final Pattern SANE = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private RequestIds() {
    }

    static String assign(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    public static String of(HttpRequest<?> request) {
        return request == null ? null : request.getAttribute(ATTRIBUTE, String.class).orElse(null);
    }
}
