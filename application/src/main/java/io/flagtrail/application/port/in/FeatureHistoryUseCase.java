package io.flagtrail.application.port.in;

import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.feature.FeatureKey;

/** Every audit entry about one feature, newest first. */
public interface FeatureHistoryUseCase {
    Page<AuditEntry> history(FeatureKey key, int limit, String cursor);
}
