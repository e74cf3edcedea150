package io.flagtrail.application.port.out;

/**
 * Operational log lines from use cases: a message plus key-value context, e.g.
 * {@code log.info("feature created", "key", key, "version", 1)}. Never given secrets.
 */
public interface AppLogger {

    void debug(String message, Object... keyValues);

    void info(String message, Object... keyValues);

    void warn(String message, Object... keyValues);

    void error(String message, Throwable cause, Object... keyValues);
}
