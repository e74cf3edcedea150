package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.ChangeReportUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ApplyScheduledChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ManageChangeRequestsUseCase;
import io.flagtrail.application.port.in.ChangeRequestUseCases.ReadChangeRequestsUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.ChangeRequests;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.ChangeReportService;
import io.flagtrail.application.service.changerequest.ChangeRequestService;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.application.service.project.ProjectService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Change requests (ADR 0014): one service for every step and the reads; the report built from the ledger. */
@Factory
final class ChangeRequestWiring {

    @Singleton
    ChangeReportUseCase changeReport(AuditLedger ledger, AuditTrail trail, Transactions transactions) {
        return new ChangeReportService(ledger, trail, transactions);
    }

    @Singleton
    @Bean(typed = {ManageChangeRequestsUseCase.class, ReadChangeRequestsUseCase.class,
            ApplyScheduledChangeRequestsUseCase.class})
    ChangeRequestService changeRequests(ChangeRequests requests, Projects projects, Features features,
                                        FeatureCommandService featureCommands, ProjectService projectService,
                                        AuditTrail trail,
                                        EventPublisher events, AppLogger log, Transactions transactions, Clock clock,
                                        IdGenerator ids) {
        return new ChangeRequestService(requests, projects, features, featureCommands, projectService, trail, events, log,
                transactions, clock, ids);
    }
}
