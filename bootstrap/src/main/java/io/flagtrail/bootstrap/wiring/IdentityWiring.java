package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.in.RecordAccessDeniedUseCase;
import io.flagtrail.application.port.in.SessionUseCases.CheckSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.EndSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.RefreshSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.StartSessionUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.MyAccountUseCase;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.PasswordBlocklist;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.identity.AccessDeniedService;
import io.flagtrail.application.service.identity.ApiKeyService;
import io.flagtrail.application.service.identity.BootstrapAdminService;
import io.flagtrail.application.service.identity.CachingApiKeys;
import io.flagtrail.application.service.identity.CachingSessions;
import io.flagtrail.application.service.identity.LogInService;
import io.flagtrail.application.service.identity.LoginPolicy;
import io.flagtrail.application.service.identity.SessionService;
import io.flagtrail.application.service.identity.UserAccountService;
import io.flagtrail.application.service.identity.UserChanges;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Identity: users and their accounts, logging in, sessions, API keys, and refused requests. */
@Factory
final class IdentityWiring {

    @Singleton
    UserChanges userChanges(AuditTrail trail, EventPublisher events, Clock clock, IdGenerator ids) {
        return new UserChanges(trail, events, clock, ids);
    }

    /** One service administers users and serves each user's own account. */
    @Singleton
    @Bean(typed = {ManageUsersUseCase.class, MyAccountUseCase.class})
    UserAccountService userAccounts(Users users, Projects projects, PasswordHasher hasher, PasswordBlocklist blocklist,
                                    Sessions sessions, StandingNotices notices, UserChanges changes,
                                    Transactions transactions, Clock clock, IdGenerator ids) {
        return new UserAccountService(users, projects, hasher, blocklist, sessions, notices, changes, transactions,
                clock, ids);
    }

    @Singleton
    BootstrapAdminUseCase bootstrapAdmin(Users users, PasswordHasher hasher, UserChanges changes,
                                         Transactions transactions, Clock clock, IdGenerator ids, AppLogger log) {
        return new BootstrapAdminService(users, hasher, changes, transactions, clock, ids, log);
    }

    @Singleton
    LoginPolicy loginPolicy(LoginProperties login) {
        return new LoginPolicy(login.maxAccountFailures(), login.accountWindow(), login.maxAddressFailures(),
                login.addressWindow(), login.accountBackoffAfter(), login.accountBackoffMax());
    }

    @Singleton
    LogInUseCase logIn(Users users, PasswordHasher hasher, LoginAttempts attempts, AuditTrail trail,
                       Transactions transactions, Clock clock, LoginPolicy policy, BusinessMetrics metrics) {
        return new LogInService(users, hasher, attempts, trail, transactions, clock, policy, metrics);
    }

    /**
     * One service serves every session use case: start, refresh, log out, and the per-request check, which it answers
     * from this instance's memory of standings while the instance hears every change (CachingSessions).
     */
    @Singleton
    @Bean(typed = {StartSessionUseCase.class, RefreshSessionUseCase.class, EndSessionUseCase.class,
            CheckSessionUseCase.class})
    SessionService sessions(Sessions sessions, StandingNotices notices, Users users, AuditTrail trail,
                            Transactions transactions, Clock clock, IdGenerator ids, SessionProperties properties) {
        return new SessionService(new CachingSessions(sessions, notices, clock, properties.sessionMemory()), notices,
                users, trail, transactions, clock, ids, properties.refreshTokenLifetime());
    }

    /** One service manages API keys and recognises them on requests, reading them through the per-instance cache. */
    @Singleton
    @Bean(typed = {ManageApiKeysUseCase.class, AuthenticateApiKeyUseCase.class})
    ApiKeyService apiKeys(ApiKeys keys, Projects projects, AuditTrail trail, Transactions transactions, Clock clock,
                          IdGenerator ids, ApiKeyProperties properties) {
        return new ApiKeyService(new CachingApiKeys(keys, clock, properties.cacheTtl(), properties.maxStale()), projects,
                trail, transactions, clock, ids);
    }

    @Singleton
    RecordAccessDeniedUseCase accessDenied(AuditTrail trail, Transactions transactions) {
        return new AccessDeniedService(trail, transactions);
    }
}
