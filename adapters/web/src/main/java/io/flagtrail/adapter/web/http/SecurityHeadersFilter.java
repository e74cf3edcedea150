package io.flagtrail.adapter.web.http;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Security headers on every answer, errors and refusals included: no MIME sniffing, no referrer sent on, never framed
 * (clickjacking), and a Content-Security-Policy that lets an API answer load nothing at all. The documentation pages
 * set a policy of their own that admits exactly their scripts ({@link ApiDocsController}); this filter leaves it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter implements Ordered {

    static final String CSP = "Content-Security-Policy";
    /** For everything that is not a page: JSON, problem documents, downloads. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @ResponseFilter
    void secure(MutableHttpResponse<?> response) {
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains(CSP)) {
            headers.set(CSP, API_POLICY);
        }
    }

    /** First in, so last out: it sees the answer every other filter and handler made. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before() - 1;
    }
}
