package io.flagtrail.application.service;

import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.TooManyAttempts;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an e-mail and password. Every failure looks the same to the caller and costs about the same time (an
 * unknown e-mail and a locked account burn a hash's worth of work), so that neither the answer nor its timing tells
 * whether an account exists or is locked. Failures count per account and per client address in the database; an
 * account with too many is locked until its window passes, an address with too many gets 429. Every attempt is
 * recorded in the ledger (category SECURITY); no password ever is.
 */
public final class LogInService implements LogInUseCase {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    private static final Actor ANONYMOUS = new Actor(ActorType.USER, "anonymous", "anonymous", null);

    private final Users users;
    private final PasswordHasher hasher;
    private final LoginAttempts attempts;
    private final AuditLedger ledger;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final LoginPolicy policy;
    private final BusinessMetrics metrics;

    public LogInService(Users users, PasswordHasher hasher, LoginAttempts attempts, AuditLedger ledger,
                        Transactions transactions, Clock clock, IdGenerator ids, LoginPolicy policy,
                        BusinessMetrics metrics) {
        this.metrics = metrics;
        this.users = users;
        this.hasher = hasher;
        this.attempts = attempts;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.policy = policy;
    }

    @Override
    public User logIn(LogInCommand command) {
        try {
            Instant now = clock.now();
            String account = command.email().strip().toLowerCase(Locale.ROOT);
            String address = command.context().ip() == null ? "unknown" : command.context().ip();
            refuseThrottledAddress(address, account, command.context(), now);
            var user = lookUp(command.email());
            if (accountLocked(account, now)) {
                hasher.burnEquivalentWork(command.password());
                record(AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, Severity.WARNING, user, account,
                        "account locked", command.context(), now);
                metrics.login("locked");
                throw Unauthenticated.badCredentials();
            }
            if (user.isEmpty()) {
                hasher.burnEquivalentWork(command.password());
                throw failed(null, account, address, "unknown e-mail", command.context(), now);
            }
            var found = user.get();
            if (!hasher.matches(command.password(), found.passwordHash())) {
                throw failed(found, account, address, "wrong password", command.context(), now);
            }
            if (!found.canLogIn()) {
                throw failed(found, account, address, "account " + found.status().name().toLowerCase(Locale.ROOT),
                        command.context(), now);
            }
            String hash = hasher.needsRehash(found.passwordHash()) ? hasher.hash(command.password()) : found.passwordHash();
            transactions.inTransaction(() -> {
                users.recordLogin(found.id(), now, hash);
                attempts.reset(ACCOUNT, account);
                record(AuditAction.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS, Severity.INFO, user, account, null,
                        command.context(), now);
                return null;
            });
            metrics.login("succeeded");
            return found;
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }

    private void refuseThrottledAddress(String address, String account, RequestContext context, Instant now) {
        var count = attempts.count(ADDRESS, address);
        if (count.current(now, policy.addressWindow()) >= policy.addressFailures()) {
            var retryAfter = Duration.between(now, count.windowStart().plus(policy.addressWindow()));
            transactions.inTransaction(() -> {
                record(AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, Severity.WARNING, Optional.empty(), account,
                        "address throttled", context, now);
                return null;
            });
            metrics.login("throttled");
            throw new TooManyAttempts("auth.too_many_attempts",
                    "too many failed logins from this address; try again later", retryAfter);
        }
    }

    private boolean accountLocked(String account, Instant now) {
        return attempts.count(ACCOUNT, account).current(now, policy.accountWindow()) >= policy.accountFailures();
    }

    /** Counts the failure for the account and the address, records it (and the lock it causes), and answers 401. */
    private Unauthenticated failed(User user, String account, String address, String why, RequestContext context,
                                   Instant now) {
        transactions.inTransaction(() -> {
            var counted = attempts.recordFailure(ACCOUNT, account, now, policy.accountWindow());
            attempts.recordFailure(ADDRESS, address, now, policy.addressWindow());
            record(AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, Severity.NOTICE, Optional.ofNullable(user), account,
                    why, context, now);
            if (counted.failures() == policy.accountFailures()) {
                record(AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, Severity.WARNING, Optional.ofNullable(user),
                        account, "locked after " + counted.failures() + " failures", context, now);
            }
            return null;
        });
        metrics.login("failed");
        return Unauthenticated.badCredentials();
    }

    private void record(AuditAction action, AuditOutcome outcome, Severity severity, Optional<User> user,
                        String account, String why, RequestContext context, Instant now) {
        var subject = user.map(u -> new Subject("user", u.id().toString(), u.email().value()))
                .orElse(new Subject("user", "unknown", account));
        var after = new LinkedHashMap<String, Object>();
        after.put("email", account);
        if (why != null) {
            after.put("reason", why);
        }
        ledger.append(List.of(new AuditEntry(ids.newId(), action.category(), action, outcome, severity,
                user.filter(u -> outcome == AuditOutcome.SUCCESS).map(User::asActor).orElse(ANONYMOUS), subject, null,
                null, after, List.of(), context, now)));
    }

    private Optional<User> lookUp(String email) {
        try {
            return users.findByEmail(new Email(email));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }
}
