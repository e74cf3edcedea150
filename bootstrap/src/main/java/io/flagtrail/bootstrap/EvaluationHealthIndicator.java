package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluation snapshot in {@code /health}: how many flags it serves and which active features it could not load
 * (key and reason). Always UP: every other flag is served, so load balancers must keep sending evaluations; the
 * unreadable ones are for an operator to see here and in {@code flagtrail.evaluation.unreadable}.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class EvaluationHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final EvaluateFlagsUseCase flags;

    EvaluationHealthIndicator(EvaluateFlagsUseCase flags) {
        this.flags = flags;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        var details = new LinkedHashMap<String, Object>();
        details.put("flags", flags.size());
        details.put("unreadable", flags.unreadable());
        return details;
    }

    @Override
    protected String getName() {
        return "evaluation";
    }
}
