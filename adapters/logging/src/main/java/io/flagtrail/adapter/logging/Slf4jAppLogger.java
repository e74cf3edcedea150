package io.flagtrail.adapter.logging;

import io.flagtrail.application.port.out.AppLogger;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The application's log lines over SLF4J, with the context as SLF4J key-value pairs: fields of their own in JSON
 * output, {@code key="value"} in text; masked and escaped by the encoders like every other line.
 */
@Singleton
final class Slf4jAppLogger implements AppLogger {

    private static final Logger LOG = LoggerFactory.getLogger("io.flagtrail.application");

    @Override
    public void debug(String message, Object... keyValues) {
        log(LOG.atDebug(), message, keyValues);
    }

    @Override
    public void info(String message, Object... keyValues) {
        log(LOG.atInfo(), message, keyValues);
    }

    @Override
    public void warn(String message, Object... keyValues) {
        log(LOG.atWarn(), message, keyValues);
    }

    @Override
    public void error(String message, Throwable cause, Object... keyValues) {
        log(LOG.atError().setCause(cause), message, keyValues);
    }

    static void log(LoggingEventBuilder event, String message, Object[] keyValues) {
        event.setMessage(message);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            event = event.addKeyValue(String.valueOf(keyValues[i]), keyValues[i + 1]);
        }
        event.log();
    }
}
