package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code flagtrail.security.*}: how long a session lives without logging in again ({@code AUTH_SESSION_EXPIRE}), and
 * how long an instance may answer the per-request session check from memory at most ({@code 0} reads it every time;
 * changes through the service are heard at once, this bounds only changes made in the database by hand).
 */
@ConfigurationProperties("flagtrail.security")
record SessionProperties(
        @Bindable(defaultValue = "14d") Duration refreshTokenLifetime,
        @Bindable(defaultValue = "30s") Duration sessionMemory) {
}
