package io.flagtrail.application.service.feature;

import io.flagtrail.application.port.in.FeatureAsOfUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditQueries;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.scope.Places;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The read side of features, each as one environment shows it: one, a list, one feature's history there, and a
 * feature as it was there at an instant.
 */
public final class FeatureQueryService
        implements GetFeatureUseCase, ListFeaturesUseCase, FeatureHistoryUseCase, FeatureAsOfUseCase {

    private final Features features;
    private final Projects projects;
    private final AuditLedger ledger;
    private final AuditTrail trail;
    private final Transactions transactions;

    public FeatureQueryService(Features features, Projects projects, AuditLedger ledger, AuditTrail trail,
                               Transactions transactions) {
        this.features = features;
        this.projects = projects;
        this.ledger = ledger;
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public FeatureState get(Scope scope, FeatureKey key) {
        var found = features.find(scope.project(), key);
        if (found.isEmpty()) {
            requireScope(scope);
            throw NotFound.feature(key.value());
        }
        return Feature.reconstitute(found.get()).in(scope.environment());
    }

    @Override
    public FeatureRecord everywhere(ProjectKey project, FeatureKey key) {
        var found = features.find(project, key);
        if (found.isEmpty()) {
            projects.find(project).orElseThrow(() -> NotFound.project(project.value()));
            throw NotFound.feature(key.value());
        }
        return found.get();
    }

    @Override
    public Page<FeatureState> list(Scope scope, FeatureListQuery query) {
        var page = features.list(scope, query);
        if (page.items().isEmpty()) {
            requireScope(scope);
        }
        return page;
    }

    /** A 404 naming the project or the environment when the scope names one that is not there. */
    private void requireScope(Scope scope) {
        Places.of(projects, scope);
    }

    /**
     * History follows the id of the feature's state in the environment, not its key, so it stays whole across delete
     * and restore; a feature from before projects kept its id as its production state's, so its history there starts
     * with its creation.
     */
    @Override
    public Page<AuditEntry> history(Scope scope, FeatureKey key, int limit, String cursor, Origin origin) {
        return transactions.inTransaction(() -> {
            var feature = get(scope, key);
            var query = AuditQuery.forSubject(FeatureLedgerEntries.SUBJECT_TYPE, feature.id().toString(), limit, cursor);
            var page = ledger.query(query);
            trail.read(AuditAction.AUDIT_HISTORY_READ, origin, AuditQueries.describe(query));
            return page;
        });
    }

    /** By the feature's key within its project: keys are unique per project and kept by deleted features. */
    @Override
    public Page<AuditEntry> historyEverywhere(ProjectKey project, FeatureKey key, int limit, String cursor,
                                              Origin origin) {
        return transactions.inTransaction(() -> {
            everywhere(project, key);
            var query = new AuditQuery(FeatureLedgerEntries.SUBJECT_TYPE, null, key.value(), null, null, null,
                    project.value(), null, null, null, limit, cursor);
            var page = ledger.query(query);
            trail.read(AuditAction.AUDIT_HISTORY_READ, origin, AuditQueries.describe(query));
            return page;
        });
    }

    /**
     * Rebuilt from the ledger alone: the {@code after} snapshot of the last change at or before the instant, with
     * creation taken from the FEATURE_CREATED entry. For the current instant this equals the live feature.
     */
    @Override
    public FeatureState asOf(Scope scope, FeatureKey key, Instant instant, Origin origin) {
        return transactions.inTransaction(() -> {
            trail.read(AuditAction.AUDIT_STATE_READ, origin, Map.of("feature", key.value(), "project",
                    scope.project().value(), "environment", scope.environment().value(), "asOf", instant.toString()));
            var live = get(scope, key);
            var id = live.id().toString();
            var last = one(new AuditQuery(FeatureLedgerEntries.SUBJECT_TYPE, id, null, null, null, AuditCategory.CHANGE,
                    null, instant.plus(1, ChronoUnit.MICROS), 1, null));
            var created = one(new AuditQuery(FeatureLedgerEntries.SUBJECT_TYPE, id, null, null,
                    AuditAction.FEATURE_CREATED, null, null, null, 1, null));
            if (last == null && live.version() == 1 && !instant.isBefore(live.createdAt())) {
                // Never changed since it was created, so it was then as it is now: a state that migration V17 gave
                // a feature in development has no entry of its own (the DATABASE_MIGRATED entry records it).
                return live;
            }
            if (created == null && last == null && !instant.isBefore(live.createdAt())) {
                // The feature existed then, but retention has purged the entries that said how it was.
                throw new NotFound("feature.history_purged", "the history of feature '" + key + "' at " + instant
                        + " was purged by the retention policy");
            }
            if (last == null) {
                throw new NotFound("feature.not_found_at", "feature '" + key + "' did not exist at " + instant);
            }
            // Creation never changes: when retention purged its entry, the live row still says who and when.
            return FeatureState.fromSnapshot(live.id(), scope, last.after(),
                    created == null ? live.createdAt() : created.occurredAt(),
                    created == null ? live.createdBy() : created.actor().reference(), last.occurredAt(),
                    last.actor().reference());
        });
    }

    private AuditEntry one(AuditQuery query) {
        var items = ledger.query(query).items();
        return items.isEmpty() ? null : items.getFirst();
    }

}
