package io.flagtrail.bootstrap.jobs;

import io.flagtrail.adapter.events.FileEventSink;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired event files hourly, so that retention holds even when no event arrives to cause a rotation. */
@Singleton
@Requires(beans = FileEventSink.class)
final class FileSinkRetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(FileSinkRetentionJob.class);
    private final FileEventSink sink;

    FileSinkRetentionJob(FileEventSink sink) {
        this.sink = sink;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void deleteExpired() {
        try {
            int deleted = sink.deleteExpired();
            if (deleted > 0) {
                LOG.info("deleted {} expired event files", deleted);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("expired event files could not be deleted; the next run retries: {}", e.toString());
        }
    }
}
