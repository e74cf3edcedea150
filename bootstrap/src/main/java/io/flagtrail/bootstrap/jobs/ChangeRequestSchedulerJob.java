package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.ChangeRequestUseCases.ApplyScheduledChangeRequestsUseCase;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies scheduled change requests when they are due, every {@code flagtrail.change-requests.schedule-interval}
 * (1 s by default). Every instance runs it; a request's row lock lets one apply it, and the others find it applied.
 * A CLI run never does: it is not an instance.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class ChangeRequestSchedulerJob {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeRequestSchedulerJob.class);
    private final ApplyScheduledChangeRequestsUseCase scheduler;

    ChangeRequestSchedulerJob(ApplyScheduledChangeRequestsUseCase scheduler) {
        this.scheduler = scheduler;
    }

    @Scheduled(fixedDelay = "${flagtrail.change-requests.schedule-interval:1s}", initialDelay = "2s")
    void applyDue() {
        try {
            int applied = scheduler.applyDue();
            if (applied > 0) {
                LOG.info("applied {} scheduled change request(s)", applied);
            }
        } catch (RuntimeException e) {
            LOG.warn("applying scheduled change requests failed; the next round retries: {}", e.toString());
        }
    }
}
