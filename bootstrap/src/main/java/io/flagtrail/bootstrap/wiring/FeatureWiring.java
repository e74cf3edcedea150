package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.in.FeatureAsOfUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ImportFeaturesUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.FeatureNotices;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.evaluation.EvaluateFlagsService;
import io.flagtrail.application.service.feature.FeatureChanges;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.application.service.feature.FeatureQueryService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Features: the one write path, the reads (history and as-of included) and evaluation. */
@Factory
final class FeatureWiring {

    @Singleton
    FeatureChanges featureChanges(AuditTrail trail, EventPublisher events, IdGenerator ids, AppLogger log,
                                  BusinessMetrics metrics, FeatureNotices notices) {
        return new FeatureChanges(trail, events, ids, log, metrics, notices);
    }

    /**
     * One service makes every change to features, the import included: it is exposed under each of those use cases,
     * and as itself to the change requests, whose approved changes it applies.
     */
    @Singleton
    @Bean(typed = {CreateFeatureUseCase.class, UpdateFeatureUseCase.class, TransitionFeatureUseCase.class,
            ImportFeaturesUseCase.class, FeatureCommandService.class})
    FeatureCommandService featureCommands(Features features, Projects projects, FeatureChanges changes,
                                          Transactions transactions, Clock clock, IdGenerator ids) {
        return new FeatureCommandService(features, projects, changes, transactions, clock, ids);
    }

    /** One service answers get, list, history and as-of: it is exposed under each of those use cases. */
    @Singleton
    @Bean(typed = {GetFeatureUseCase.class, ListFeaturesUseCase.class, FeatureHistoryUseCase.class,
            FeatureAsOfUseCase.class})
    FeatureQueryService featureQueries(Features features, Projects projects, AuditLedger ledger, AuditTrail trail,
                                       Transactions transactions) {
        return new FeatureQueryService(features, projects, ledger, trail, transactions);
    }

    @Singleton
    EvaluateFlagsUseCase evaluateFlags(Features features, BusinessMetrics metrics, AppLogger log) {
        return new EvaluateFlagsService(features, metrics, log);
    }
}
