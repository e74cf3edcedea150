package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
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
        } catch (RuntimeException e) {
            LOG.warn("the evaluation snapshot could not be refreshed; it serves the last one: {}", e.toString());
        }
    }
}
