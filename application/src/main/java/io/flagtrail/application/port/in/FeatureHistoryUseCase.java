package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;

/** Every audit entry about one feature, in one environment or in all of its project's, newest first. */
public interface FeatureHistoryUseCase {
    /** The read is itself recorded, as an ACCESS entry naming {@code origin}. */
    Page<AuditEntry> history(Scope scope, FeatureKey key, int limit, String cursor, Origin origin);

    /**
     * The feature's entries in every environment of its project (those of environments deleted since included),
     * interleaved newest first; each names its environment. Recorded as {@link #history} is.
     */
    Page<AuditEntry> historyEverywhere(ProjectKey project, FeatureKey key, int limit, String cursor, Origin origin);
}
