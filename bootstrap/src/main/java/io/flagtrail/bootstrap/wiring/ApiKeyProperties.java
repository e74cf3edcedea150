package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code flagtrail.security.api-keys.*}: how long a key read from the store is kept, and served in an outage. */
@ConfigurationProperties("flagtrail.security.api-keys")
record ApiKeyProperties(
        @Bindable(defaultValue = "1s") Duration cacheTtl,
        @Bindable(defaultValue = "5m") Duration maxStale) {
}
