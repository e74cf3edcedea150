package io.flagtrail.adapter.web.evaluation;

import io.flagtrail.adapter.web.http.Problems;
import io.flagtrail.adapter.web.http.TokenBucket;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Limits evaluation requests per authenticated caller (API key or user) with a token bucket, answering 429 with
 * Retry-After, which the OpenFeature OFREP providers honour by not calling again before then. Keyed by the
 * authenticated principal, after security, so the map holds at most one bucket per real credential: an attacker
 * cycling made-up keys is refused 401 before reaching it. In memory per instance: the limit is per instance.
 */
@ServerFilter("/ofrep/**")
final class EvaluationRateLimitFilter implements Ordered {

    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int perSecond;
    private final int burst;

    EvaluationRateLimitFilter(@Value("${flagtrail.evaluation.rate-limit.per-second:5000}") int perSecond,
                              @Value("${flagtrail.evaluation.rate-limit.burst:10000}") int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("flagtrail.evaluation.rate-limit.per-second and .burst must be at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> limit(HttpRequest<?> request) {
        var principal = request.getUserPrincipal().orElse(null);
        if (principal == null) {
            return null; // security answers 401 itself
        }
        long now = System.nanoTime();
        var wait = buckets.computeIfAbsent(principal.getName(), name -> new TokenBucket(perSecond, burst, now)).take(now);
        if (wait.isZero()) {
            return null;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Problems.response(request, HttpStatus.TOO_MANY_REQUESTS, "evaluation.rate_limited",
                        "more than " + perSecond + " evaluations per second for this caller; retry after " + seconds + " s",
                        List.of())
                .header("Retry-After", String.valueOf(seconds));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
