package io.flagtrail.bootstrap.jobs;

import io.flagtrail.adapter.events.EventStorage;
import io.flagtrail.application.service.events.EventLogService;
import io.flagtrail.bootstrap.CliMain;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database event log ({@code EVENTS_STORAGE=db}) to {@code EVENTS_RETENTION_DAYS}, as the file sink keeps
 * its files: every hour, on every instance (deleting what another already deleted costs nothing).
 */
@Singleton
@Requires(condition = EventStorage.Db.class)
@Requires(notEnv = CliMain.ENVIRONMENT)
final class EventLogRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(EventLogRetentionJob.class);
    private final EventLogService log;

    EventLogRetentionJob(EventLogService log) {
        this.log = log;
    }

    @Scheduled(fixedDelay = "${flagtrail.events.log-purge-interval:1h}", initialDelay = "1m")
    void purge() {
        try {
            int deleted = log.purge();
            if (deleted > 0) {
                LOG.info("event log: {} events past the retention period removed", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("event log retention failed; the next round retries: {}", e.toString());
        }
    }
}
