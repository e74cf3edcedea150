package io.flagtrail.application.service.feature;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.feature.FeatureAction;
import io.flagtrail.domain.feature.FeatureChanged;
import java.util.List;

/** Turns the events a feature recorded into the audit entries that prove them. */
final class FeatureLedgerEntries {

    static final String SUBJECT_TYPE = "feature";

    private final AuditTrail trail;

    FeatureLedgerEntries(AuditTrail trail) {
        this.trail = trail;
    }

    List<AuditEntry> of(List<FeatureChanged> events, Origin origin) {
        return events.stream().map(event -> of(event, origin)).toList();
    }

    private AuditEntry of(FeatureChanged event, Origin origin) {
        var after = event.after();
        var stamp = event.stamp();
        return trail.entry(action(event.action()), stamp.actor(), origin.context())
                .on(new Subject(SUBJECT_TYPE, after.id().toString(), after.key().value()))
                .severity(severity(event.action()))
                .reason(stamp.reason() == null ? null : stamp.reason().text())
                .changed(event.before() == null ? null : event.before().snapshot(), after.snapshot(), event.changes())
                .at(stamp.at())
                .build();
    }

    private static AuditAction action(FeatureAction action) {
        return switch (action) {
            case CREATED -> AuditAction.FEATURE_CREATED;
            case UPDATED -> AuditAction.FEATURE_UPDATED;
            case ENABLED -> AuditAction.FEATURE_ENABLED;
            case DISABLED -> AuditAction.FEATURE_DISABLED;
            case DELETED -> AuditAction.FEATURE_DELETED;
            case RESTORED -> AuditAction.FEATURE_RESTORED;
        };
    }

    /** Deleting takes a feature away from every application that evaluates it: worth a reviewer's notice. */
    private static Severity severity(FeatureAction action) {
        return action == FeatureAction.DELETED ? Severity.NOTICE : Severity.INFO;
    }
}
