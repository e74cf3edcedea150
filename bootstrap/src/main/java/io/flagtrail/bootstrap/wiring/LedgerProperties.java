package io.flagtrail.bootstrap.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code flagtrail.ledger.*}: sealing, checkpoints and retention (docs/operations.md). The retention is read as text
 * and converted by {@link LedgerWiring}, so that a value that is no duration stops the service with a message naming
 * the setting rather than quietly meaning "forever".
 */
@ConfigurationProperties("flagtrail.ledger")
record LedgerProperties(
        @Bindable(defaultValue = "2000") int sealBatch,
        @Bindable(defaultValue = "1000") long checkpointEveryEntries,
        @Bindable(defaultValue = "10s") Duration checkpointEvery,
        @Nullable String retention,
        @Bindable(defaultValue = "1000") int purgeBatch,
        @Bindable(defaultValue = "10000000") long partitionSpan) {
}
