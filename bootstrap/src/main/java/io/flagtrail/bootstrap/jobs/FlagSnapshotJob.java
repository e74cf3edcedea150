package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the evaluation snapshot current: loaded at start, then a fingerprint question every
 * {@code flagtrail.evaluation.refresh-interval} (250 ms), which reloads when any feature changed, on any instance —
 * so every instance serves a change within a second.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class FlagSnapshotJob {

    private static final Logger LOG = LoggerFactory.getLogger(FlagSnapshotJob.class);
    private final EvaluateFlagsUseCase flags;
    /** Whether the last refresh failed: an outage is logged when it starts and when it ends, not every 250 ms. */
    private volatile boolean failing;

    FlagSnapshotJob(EvaluateFlagsUseCase flags) {
        this.flags = flags;
    }

    @EventListener
    void load(StartupEvent started) {
        refresh();
    }

    @Scheduled(fixedDelay = "${flagtrail.evaluation.refresh-interval:250ms}")
    void refresh() {
        try {
            flags.refresh();
            if (failing) {
                failing = false;
                LOG.info("the evaluation snapshot is refreshed again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warn("the evaluation snapshot could not be refreshed; it serves the last one until it can: {}",
                        e.toString());
            }
        }
    }
}
