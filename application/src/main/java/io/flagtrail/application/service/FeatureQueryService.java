package io.flagtrail.application.service;

import io.flagtrail.application.port.in.AuditQuery;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.FeatureListQuery;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;

/** The read side of features: one, a list, and one feature's history. */
public final class FeatureQueryService implements GetFeatureUseCase, ListFeaturesUseCase, FeatureHistoryUseCase {

    private final Features features;
    private final AuditLedger ledger;

    public FeatureQueryService(Features features, AuditLedger ledger) {
        this.features = features;
        this.ledger = ledger;
    }

    @Override
    public FeatureState get(FeatureKey key) {
        return features.find(key).orElseThrow(() -> NotFound.feature(key.value()));
    }

    @Override
    public Page<FeatureState> list(FeatureListQuery query) {
        return features.list(query);
    }

    /** History follows the feature's id, not its key, so it stays whole across delete and restore. */
    @Override
    public Page<AuditEntry> history(FeatureKey key, int limit, String cursor) {
        var feature = get(key);
        return ledger.query(AuditQuery.forSubject(FeatureLedgerEntries.SUBJECT_TYPE, feature.id().toString(), limit, cursor));
    }
}
