package io.flagtrail.bootstrap;

import io.flagtrail.adapter.events.EventStorage;
import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.DispatchEventsUseCase;
import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.FeatureAsOfUseCase;
import io.flagtrail.application.port.in.FeatureHistoryUseCase;
import io.flagtrail.application.port.in.GetFeatureUseCase;
import io.flagtrail.application.port.in.ImportFeaturesUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.ListFeaturesUseCase;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase;
import io.flagtrail.application.port.in.PurgeLedgerUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.in.QueryEventLogUseCase;
import io.flagtrail.application.port.in.RecordAccessDeniedUseCase;
import io.flagtrail.application.port.in.SealLedgerUseCase;
import io.flagtrail.application.port.in.SessionUseCases.CheckSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.EndSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.RefreshSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.StartSessionUseCase;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.application.port.in.UserAccountUseCases.MyAccountUseCase;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.DatabaseAdmin;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.port.out.EventLog;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.LegalHolds;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.application.port.out.PasswordBlocklist;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.AccessDeniedService;
import io.flagtrail.application.service.AuditTrail;
import io.flagtrail.application.service.ApiKeyService;
import io.flagtrail.application.service.BootstrapAdminService;
import io.flagtrail.application.service.DispatchEventsService;
import io.flagtrail.application.service.DispatchSettings;
import io.flagtrail.application.service.EvaluateFlagsService;
import io.flagtrail.application.service.EventDispatchAdminService;
import io.flagtrail.application.service.EventLogService;
import io.flagtrail.application.service.EvidenceBundleService;
import io.flagtrail.application.service.ExportAuditService;
import io.flagtrail.application.service.FeatureChanges;
import io.flagtrail.application.service.FeatureCommandService;
import io.flagtrail.application.service.FeatureQueryService;
import io.flagtrail.application.service.LedgerSettings;
import io.flagtrail.application.service.LedgerStatusService;
import io.flagtrail.application.service.LegalHoldService;
import io.flagtrail.application.service.LogInService;
import io.flagtrail.application.service.LoginPolicy;
import io.flagtrail.application.service.ManageDatabaseService;
import io.flagtrail.application.service.PurgeLedgerService;
import io.flagtrail.application.service.QueryAuditService;
import io.flagtrail.application.service.RetentionSettings;
import io.flagtrail.application.service.SealLedgerService;
import io.flagtrail.application.service.SessionService;
import io.flagtrail.application.service.UserAccountService;
import io.flagtrail.application.service.UserChanges;
import io.flagtrail.application.service.VerifyLedgerService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionService;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * Wires the use cases onto the adapters by hand, so that domain and application carry no framework annotation.
 * Reading this class is reading the whole application's shape.
 */
@Factory
final class UseCaseFactory {

    @Singleton
    FeatureChanges featureChanges(AuditTrail trail, EventPublisher events, IdGenerator ids, AppLogger log,
                                  BusinessMetrics metrics) {
        return new FeatureChanges(trail, events, ids, log, metrics);
    }

    /** One service makes every change to features, the import included: it is exposed under each of those use cases. */
    @Singleton
    @Bean(typed = {CreateFeatureUseCase.class, UpdateFeatureUseCase.class, TransitionFeatureUseCase.class,
            ImportFeaturesUseCase.class})
    FeatureCommandService featureCommands(Features features, FeatureChanges changes, Transactions transactions,
                                          Clock clock, IdGenerator ids) {
        return new FeatureCommandService(features, changes, transactions, clock, ids);
    }

    /** {@code EVENTS_ENABLED=false} stops recording events (the outbox publisher reads the same setting). */
    @Singleton
    DispatchSettings dispatchSettings(@Value("${flagtrail.events.enabled:true}") boolean recording,
                                      @Value("${flagtrail.events.batch:100}") int batch,
                                      @Value("${flagtrail.events.max-attempts:10}") int maxAttempts,
                                      @Value("${flagtrail.events.retry-base:1s}") Duration retryBase,
                                      @Value("${flagtrail.events.retry-max:5m}") Duration retryMax,
                                      @Value("${flagtrail.events.keep:1h}") Duration keep) {
        return new DispatchSettings(recording, batch, maxAttempts, retryBase, retryMax, keep);
    }

    /** Every {@link EventHandler} bean is a handler: adding one is adding a class. */
    @Singleton
    DispatchEventsUseCase dispatchEvents(Outbox outbox, List<EventHandler> handlers, Transactions transactions,
                                         Clock clock, DispatchSettings settings) {
        return new DispatchEventsService(outbox, handlers, transactions, clock, settings);
    }

    @Singleton
    ManageEventDispatchUseCase manageEventDispatch(Outbox outbox, DispatchEventsUseCase dispatch, AuditTrail trail,
                                                   Transactions transactions, Clock clock, DispatchSettings settings) {
        return new EventDispatchAdminService(outbox, dispatch.handlers(), trail, transactions, clock, settings);
    }

    @Singleton
    ManageDatabaseUseCase manageDatabase(DatabaseAdmin database, AuditTrail trail, Transactions transactions) {
        return new ManageDatabaseService(database, trail, transactions);
    }

    @Singleton
    AuditTrail auditTrail(AuditLedger ledger, Clock clock, IdGenerator ids) {
        return new AuditTrail(ledger, clock, ids);
    }

    /** One service answers get, list, history and as-of: it is exposed under each of those use cases. */
    @Singleton
    @Bean(typed = {GetFeatureUseCase.class, ListFeaturesUseCase.class, FeatureHistoryUseCase.class,
            FeatureAsOfUseCase.class})
    FeatureQueryService featureQueries(Features features, AuditLedger ledger, AuditTrail trail,
                                       Transactions transactions) {
        return new FeatureQueryService(features, ledger, trail, transactions);
    }

    @Singleton
    QueryAuditUseCase queryAudit(AuditLedger ledger, AuditTrail trail, Transactions transactions) {
        return new QueryAuditService(ledger, trail, transactions);
    }

    @Singleton
    LedgerSettings ledgerSettings(@Value("${flagtrail.ledger.seal-batch:2000}") int sealBatch,
                                  @Value("${flagtrail.ledger.checkpoint-every-entries:1000}") long everyEntries,
                                  @Value("${flagtrail.ledger.checkpoint-every:10s}") Duration every) {
        return new LedgerSettings(sealBatch, everyEntries, every);
    }

    @Singleton
    SealLedgerUseCase sealLedger(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                                 Transactions transactions, Clock clock, AppLogger log, LedgerSettings settings) {
        return new SealLedgerService(chain, checkpoints, signer, transactions, clock, log, settings);
    }

    @Singleton
    VerifyLedgerUseCase verifyLedger(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                                     LedgerRetention retention, AuditTrail trail, Transactions transactions) {
        return new VerifyLedgerService(chain, checkpoints, signer, retention, trail, transactions);
    }

    @Singleton
    LedgerStatusUseCase ledgerStatus(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                                     LedgerRetention retention, Clock clock) {
        return new LedgerStatusService(chain, checkpoints, signer, retention, clock);
    }

    /**
     * Retention is off (entries kept forever) unless {@code flagtrail.ledger.retention} is set. Read as text and
     * converted here, at startup: a value that is no duration must stop the service, not quietly mean "forever".
     */
    @Context
    RetentionSettings retentionSettings(@Nullable @Value("${flagtrail.ledger.retention:}") String retention,
                                        @Value("${flagtrail.ledger.purge-batch:1000}") int purgeBatch,
                                        ConversionService conversion) {
        Duration period = retention == null || retention.isBlank() ? null
                : conversion.convert(retention.strip(), Duration.class).orElseThrow(() -> new IllegalStateException(
                        "FLAGTRAIL_LEDGER_RETENTION must be a duration such as 400d or 8760h, was '" + retention + "'"));
        return new RetentionSettings(period, purgeBatch);
    }

    @Singleton
    PurgeLedgerUseCase purgeLedger(LedgerRetention retention, LedgerChain chain, Checkpoints checkpoints,
                                   LedgerSigner signer, AuditTrail trail, Transactions transactions, Clock clock,
                                   AppLogger log, RetentionSettings settings) {
        return new PurgeLedgerService(retention, chain, checkpoints, signer, trail, transactions, clock, log, settings);
    }

    @Singleton
    ManageLegalHoldsUseCase legalHolds(LegalHolds holds, AuditTrail trail, Transactions transactions, Clock clock,
                                       IdGenerator ids) {
        return new LegalHoldService(holds, trail, transactions, clock, ids);
    }

    @Singleton
    ExportAuditUseCase exportAudit(LedgerChain chain, AuditTrail trail, Transactions transactions) {
        return new ExportAuditService(chain, trail, transactions);
    }

    @Singleton
    EvidenceBundleUseCase evidenceBundle(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                                         LedgerRetention retention, AuditTrail trail, Transactions transactions,
                                         Clock clock) {
        return new EvidenceBundleService(chain, checkpoints, signer, retention, trail, transactions, clock);
    }

    @Singleton
    LogInUseCase logIn(Users users, PasswordHasher hasher, LoginAttempts attempts, AuditTrail trail,
                       Transactions transactions, Clock clock, LoginPolicy policy, BusinessMetrics metrics) {
        return new LogInService(users, hasher, attempts, trail, transactions, clock, policy, metrics);
    }

    /** One service serves every session use case: start, refresh, log out, and the per-request check. */
    @Singleton
    @Bean(typed = {StartSessionUseCase.class, RefreshSessionUseCase.class, EndSessionUseCase.class,
            CheckSessionUseCase.class})
    SessionService sessions(Sessions sessions, Users users, AuditTrail trail, Transactions transactions, Clock clock,
                            IdGenerator ids, @Value("${flagtrail.security.refresh-token-lifetime:14d}") Duration lifetime) {
        return new SessionService(sessions, users, trail, transactions, clock, ids, lifetime);
    }

    /** One service administers users and serves each user's own account. */
    @Singleton
    @Bean(typed = {ManageUsersUseCase.class, MyAccountUseCase.class})
    UserAccountService userAccounts(Users users, PasswordHasher hasher, PasswordBlocklist blocklist, Sessions sessions,
                                    UserChanges changes, Transactions transactions, Clock clock, IdGenerator ids) {
        return new UserAccountService(users, hasher, blocklist, sessions, changes, transactions, clock, ids);
    }

    @Singleton
    UserChanges userChanges(AuditTrail trail, EventPublisher events, Clock clock, IdGenerator ids) {
        return new UserChanges(trail, events, clock, ids);
    }

    /** One service manages API keys and recognises them on requests. */
    @Singleton
    @Bean(typed = {ManageApiKeysUseCase.class, AuthenticateApiKeyUseCase.class})
    ApiKeyService apiKeys(ApiKeys keys, AuditTrail trail, Transactions transactions, Clock clock, IdGenerator ids,
                          @Value("${flagtrail.security.api-keys.cache-ttl:1s}") Duration cacheTtl,
                          @Value("${flagtrail.security.api-keys.max-stale:5m}") Duration maxStale) {
        return new ApiKeyService(keys, trail, transactions, clock, ids, cacheTtl, maxStale);
    }

    @Singleton
    RecordAccessDeniedUseCase accessDenied(AuditTrail trail, Transactions transactions) {
        return new AccessDeniedService(trail, transactions);
    }

    /** {@code EVENTS_STORAGE=db}: the database event log, a handler like the other sinks, and its query. */
    @Singleton
    @Bean(typed = {EventHandler.class, QueryEventLogUseCase.class, EventLogService.class})
    @Requires(condition = EventStorage.Db.class)
    EventLogService eventLog(EventLog log, Transactions transactions, Clock clock,
                             @Value("${flagtrail.events.retention-days:30}") int retentionDays) {
        return new EventLogService(log, transactions, clock, Duration.ofDays(retentionDays));
    }

    @Singleton
    EvaluateFlagsUseCase evaluateFlags(Features features, BusinessMetrics metrics, AppLogger log) {
        return new EvaluateFlagsService(features, metrics, log);
    }

    @Singleton
    LoginPolicy loginPolicy(@Value("${flagtrail.security.login.max-account-failures:10}") int accountFailures,
                            @Value("${flagtrail.security.login.account-window:15m}") Duration accountWindow,
                            @Value("${flagtrail.security.login.max-address-failures:100}") int addressFailures,
                            @Value("${flagtrail.security.login.address-window:15m}") Duration addressWindow,
                            @Value("${flagtrail.security.login.account-backoff-after:50}") int backoffAfter,
                            @Value("${flagtrail.security.login.account-backoff-max:1m}") Duration backoffMax) {
        return new LoginPolicy(accountFailures, accountWindow, addressFailures, addressWindow, backoffAfter, backoffMax);
    }

    @Singleton
    BootstrapAdminUseCase bootstrapAdmin(Users users, PasswordHasher hasher, UserChanges changes,
                                         Transactions transactions, Clock clock, IdGenerator ids, AppLogger log) {
        return new BootstrapAdminService(users, hasher, changes, transactions, clock, ids, log);
    }
}
