package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.BootstrapAdminService;
import io.flagtrail.application.service.CreateFeatureService;
import io.flagtrail.application.service.FeatureChangeRecorder;
import io.flagtrail.application.service.FeatureQueryService;
import io.flagtrail.application.service.LogInService;
import io.flagtrail.application.service.QueryAuditService;
import io.flagtrail.application.service.TransitionFeatureService;
import io.flagtrail.application.service.UpdateFeatureService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * Wires the use cases onto the adapters by hand, so that domain and application carry no framework annotation.
 * Reading this class is reading the whole application's shape.
 */
@Factory
final class UseCaseFactory {

    @Singleton
    FeatureChangeRecorder featureChangeRecorder(Features features, AuditLedger ledger, Transactions transactions,
                                                Clock clock, IdGenerator ids, AppLogger log) {
        return new FeatureChangeRecorder(features, ledger, transactions, clock, ids, log);
    }

    @Singleton
    CreateFeatureUseCase createFeature(FeatureChangeRecorder recorder) {
        return new CreateFeatureService(recorder);
    }

    @Singleton
    UpdateFeatureUseCase updateFeature(FeatureChangeRecorder recorder) {
        return new UpdateFeatureService(recorder);
    }

    @Singleton
    TransitionFeatureUseCase transitionFeature(FeatureChangeRecorder recorder) {
        return new TransitionFeatureService(recorder);
    }

    /** One service answers get, list and history: it is exposed under each of those use cases. */
    @Singleton
    @Bean(typed = {GetFeatureUseCase.class, ListFeaturesUseCase.class, FeatureHistoryUseCase.class})
    FeatureQueryService featureQueries(Features features, AuditLedger ledger) {
        return new FeatureQueryService(features, ledger);
    }

    @Singleton
    QueryAuditUseCase queryAudit(AuditLedger ledger) {
        return new QueryAuditService(ledger);
    }

    @Singleton
    LogInUseCase logIn(Users users, PasswordHasher hasher, Transactions transactions, Clock clock) {
        return new LogInService(users, hasher, transactions, clock);
    }

    @Singleton
    BootstrapAdminUseCase bootstrapAdmin(Users users, PasswordHasher hasher, AuditLedger ledger,
                                         Transactions transactions, Clock clock, IdGenerator ids, AppLogger log) {
        return new BootstrapAdminService(users, hasher, ledger, transactions, clock, ids, log);
    }
}
