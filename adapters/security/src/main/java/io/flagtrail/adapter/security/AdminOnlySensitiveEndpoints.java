package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.management.endpoint.EndpointSensitivityProcessor;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.security.rules.SensitiveEndpointRule;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Management endpoints marked sensitive (metrics, Prometheus, loggers) are for administrators, whatever path reaches
 * them: the intercept-URL map names {@code /prometheus} and {@code /metrics/**}, and a variant it does not name
 * ({@code /prometheus/}) came here, where Micronaut's default rule throws (a 500). Anonymous callers are refused
 * before this rule by the security filter.
 */
@Singleton
@Replaces(SensitiveEndpointRule.class)
final class AdminOnlySensitiveEndpoints extends SensitiveEndpointRule {

    AdminOnlySensitiveEndpoints(EndpointSensitivityProcessor sensitivity) {
        super(sensitivity);
    }

    @Override
    @NonNull
    protected Publisher<SecurityRuleResult> checkSensitiveAuthenticated(@NonNull HttpRequest<?> request,
                                                                        @NonNull Authentication authentication,
                                                                        @NonNull ExecutableMethod<?, ?> method) {
        return Publishers.just(authentication.getRoles().contains("ADMIN") ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }
}
