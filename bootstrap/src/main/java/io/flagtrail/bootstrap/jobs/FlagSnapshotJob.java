package io.flagtrail.bootstrap.jobs;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.out.FeatureNotices;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the evaluation snapshot current: loaded at start, reloaded as soon as a feature change is heard
 * ({@link FeatureNotices}: on PostgreSQL every instance hears every commit), and in any case a fingerprint question
 * every {@code flagtrail.evaluation.refresh-interval} (250 ms), which reloads when any feature changed, on any
 * instance: the push makes a change served at once, the check makes a lost notice cost a delay, never the change.
 * Heard notices are refreshed on a thread of this job's own, so the listener hears on (sessions depend on it).
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class FlagSnapshotJob {

    private static final Logger LOG = LoggerFactory.getLogger(FlagSnapshotJob.class);
    private final EvaluateFlagsUseCase flags;
    /** Whether the last refresh failed: an outage is logged when it starts and when it ends, not every 250 ms. */
    private volatile boolean failing;

    private final FeatureNotices notices;
    private final Semaphore heard = new Semaphore(0);
    private volatile boolean stopped;
    private Thread pushed;

    FlagSnapshotJob(EvaluateFlagsUseCase flags, FeatureNotices notices) {
        this.flags = flags;
        this.notices = notices;
    }

    @EventListener
    void load(StartupEvent started) {
        refresh();
        pushed = Thread.ofPlatform().daemon().name("flag-snapshot-push").start(this::refreshWhenHeard);
        notices.onChange(() -> {
            if (heard.availablePermits() == 0) {
                heard.release(); // many notices while a refresh runs come to one more refresh
            }
        });
    }

    private void refreshWhenHeard() {
        while (!stopped) {
            try {
                heard.acquire();
                heard.drainPermits();
                refresh();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        if (pushed != null) {
            pushed.interrupt();
        }
    }

    @Scheduled(fixedDelay = "${flagtrail.evaluation.refresh-interval:250ms}")
    synchronized void refresh() {
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
