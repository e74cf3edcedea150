package io.flagtrail.application.port.out;

/** Business counters for operators' dashboards (Micrometer in production): never a database write. */
public interface BusinessMetrics {

    /** A feature changed; {@code action} is CREATED, UPDATED, ENABLED, DISABLED, DELETED or RESTORED. */
    void featureChanged(String action);

    /** A login attempt ended; {@code outcome} is succeeded, failed, locked or throttled. */
    void login(String outcome);

    /** A flag was evaluated, with the reason it served its variant. */
    void evaluated(String flag, String reason);
}
