package io.flagtrail.bootstrap;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at server startup which database the service runs on, and warns when it is the embedded H2 file. Not for
 * CLI commands: their standard error is for the command's own messages, and the warning would repeat on every one.
 */
@Singleton
@io.micronaut.context.annotation.Requires(notEnv = CliMain.ENVIRONMENT)
final class EmbeddedDatabaseNotice {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseNotice.class);
    private final String url;

    EmbeddedDatabaseNotice(@Value("${datasources.default.url}") String url) {
        this.url = url;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (url.startsWith("jdbc:h2:")) {
            LOG.warn("No DATABASE_URL set: using the embedded H2 database {} (fine to try Flagtrail; use PostgreSQL in production)",
                    url.replaceAll(";.*", ""));
        } else {
            LOG.info("Using database {}", url.replaceAll("\\?.*", ""));
        }
    }
}
