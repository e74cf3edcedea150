package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.Scope;

/** Every audit entry about one feature in one environment, newest first. */
public interface FeatureHistoryUseCase {
    /** The read is itself recorded, as an ACCESS entry naming {@code origin}. */
    Page<AuditEntry> history(Scope scope, FeatureKey key, int limit, String cursor, Origin origin);
}
