package io.flagtrail.application.service.audit;

import java.time.Duration;

/** How long ledger entries are kept ({@code null}: forever) and how many a purge deletes per transaction. */
public record RetentionSettings(Duration retention, int purgeBatch) {

    public RetentionSettings {
        if (retention != null && (retention.isNegative() || retention.isZero())) {
            throw new IllegalArgumentException("the retention period must be positive, or unset to keep entries forever");
        }
        if (purgeBatch < 1) {
            throw new IllegalArgumentException("the purge batch must be positive");
        }
    }

    public static RetentionSettings forever() {
        return new RetentionSettings(null, 1000);
    }
}
