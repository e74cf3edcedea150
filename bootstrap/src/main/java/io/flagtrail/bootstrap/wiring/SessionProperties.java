package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code flagtrail.security.*}: how long a session lives without logging in again ({@code AUTH_SESSION_EXPIRE}). */
@ConfigurationProperties("flagtrail.security")
record SessionProperties(@Bindable(defaultValue = "14d") Duration refreshTokenLifetime) {
}
