package io.flagtrail.adapter.web.http;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health is for everyone (orchestrators probe it anonymously), its details only for ADMIN: they name the database,
 * the disk and the backlogs. For anyone else the answer keeps its status code and says only the status.
 */
@ServerFilter({"/health", "/health/**"})
final class HealthDetailsFilter {

    private final RolesFinder roles;

    HealthDetailsFilter(RolesFinder roles) {
        this.roles = roles;
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void strip(HttpRequest<?> request, MutableHttpResponse<?> response) {
        boolean admin = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getRoles().contains("ADMIN") || roles.resolveRoles(a.getAttributes()).contains("ADMIN"))
                .orElse(false);
        if (admin) {
            return;
        }
        if (response.body() instanceof HealthResult result && result.getDetails() != null) {
            ((MutableHttpResponse<Object>) response).body(HealthResult.builder(result.getName(), result.getStatus()).build());
        } else if (response.body() instanceof Map<?, ?> body && body.containsKey("details")) {
            var summary = new LinkedHashMap<String, Object>();
            summary.put("name", body.get("name"));
            summary.put("status", body.get("status"));
            ((MutableHttpResponse<Object>) response).body(summary);
        }
    }
}
