package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.FeatureNotices;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.feature.FeatureChanges;
import io.flagtrail.application.service.feature.FeatureCommandService;

/** The services wired as the application wires them, over whichever ports a test hands in. */
public final class Wiring {

    private Wiring() {
    }

    public static FeatureCommandService featureCommands(Features features, Projects projects, AuditLedger ledger,
                                                        EventPublisher events, Transactions transactions, Clock clock,
                                                        IdGenerator ids, AppLogger log, BusinessMetrics metrics) {
        return new FeatureCommandService(features, projects, featureChanges(ledger, events, clock, ids, log, metrics),
                transactions, clock, ids);
    }

    public static FeatureChanges featureChanges(AuditLedger ledger, EventPublisher events, Clock clock, IdGenerator ids,
                                                AppLogger log, BusinessMetrics metrics) {
        return new FeatureChanges(new AuditTrail(ledger, clock, ids), events, ids, log, metrics, FeatureNotices.NONE);
    }
}
