package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code flagtrail.security.login.*}: lock-outs and back-off against password guessing (docs/security.md). */
@ConfigurationProperties("flagtrail.security.login")
record LoginProperties(
        @Bindable(defaultValue = "10") int maxAccountFailures,
        @Bindable(defaultValue = "15m") Duration accountWindow,
        @Bindable(defaultValue = "100") int maxAddressFailures,
        @Bindable(defaultValue = "15m") Duration addressWindow,
        @Bindable(defaultValue = "50") int accountBackoffAfter,
        @Bindable(defaultValue = "1m") Duration accountBackoffMax) {
}
