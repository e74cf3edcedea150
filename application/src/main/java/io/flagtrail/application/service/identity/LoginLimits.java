package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.TooManyAttempts;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Failed logins counted per account and address (the lock), per address (the throttle) and per account (the global
 * back-off) in the database, as {@link LoginPolicy} says. Every counted attempt is recorded in the ledger (category
 * SECURITY); attempts refused before any work (a throttled address, an account in back-off) are counted, not recorded
 * one by one, so anonymous traffic cannot grow the ledger without bound: at most about {@code addressFailures}
 * entries per address and window, plus one when the throttle starts and one summary of what it refused.
 */
final class LoginLimits {

    static final String ACCOUNT = "account";
    static final String ADDRESS = "address";
    /** An account as tried from one address: the lock. */
    static final String PAIR = "pair";
    /** Attempts refused while an address was throttled: summarised in one entry when the throttle is over. */
    static final String REFUSED = "refused";
    private static final Actor ANONYMOUS = new Actor(ActorType.USER, "anonymous", "anonymous", null);

    private final LoginAttempts attempts;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final LoginPolicy policy;
    private final BusinessMetrics metrics;

    LoginLimits(LoginAttempts attempts, AuditTrail trail, Transactions transactions, LoginPolicy policy,
                BusinessMetrics metrics) {
        this.attempts = attempts;
        this.trail = trail;
        this.transactions = transactions;
        this.policy = policy;
        this.metrics = metrics;
    }

    /** 429 for a throttled address or an account in back-off, before any work is done. */
    void refuseIfLimited(String account, String address, RequestContext context, Instant now) {
        refuseThrottledAddress(address, context, now);
        refuseDuringBackoff(account, now);
    }

    /** Whether the account is locked for this address. */
    boolean locked(String account, String address, Instant now) {
        return attempts.count(PAIR, pair(account, address)).current(now, policy.accountWindow())
                >= policy.accountFailures();
    }

    /** Inside the login's transaction: the lock is lifted and the login recorded. */
    void succeeded(User user, String account, String address, RequestContext context, Instant now) {
        attempts.reset(PAIR, pair(account, address)); // the account-wide count stays: it slows a distributed guess
        record(AuditAction.LOGIN_SUCCEEDED, AuditOutcome.SUCCESS, Severity.INFO, Optional.of(user), account, null,
                context, now);
    }

    /**
     * 429 for an address over its limit, counted but not recorded one by one; the first attempt after the throttle
     * records how many it refused (one summary entry).
     */
    private void refuseThrottledAddress(String address, RequestContext context, Instant now) {
        var count = attempts.count(ADDRESS, address);
        if (count.current(now, policy.addressWindow()) >= policy.addressFailures()) {
            var retryAfter = Duration.between(now, count.windowStart().plus(policy.addressWindow()));
            transactions.inTransaction(() -> attempts.recordFailure(REFUSED, address, now, policy.addressWindow()));
            metrics.login("throttled");
            throw new TooManyAttempts("auth.too_many_attempts",
                    "too many failed logins from this address; try again later", retryAfter);
        }
        var refused = attempts.count(REFUSED, address);
        if (refused.failures() > 0) {
            transactions.inTransaction(() -> {
                attempts.reset(REFUSED, address);
                recordThrottle(address, "throttle over: " + refused.failures() + " attempts refused between "
                        + refused.windowStart() + " and " + refused.lastFailureAt(), context, now);
                return null;
            });
        }
    }

    /** 429 for an account in its global back-off, before any work: counted by the metric only. */
    private void refuseDuringBackoff(String account, Instant now) {
        var count = attempts.count(ACCOUNT, account);
        int over = count.current(now, policy.accountWindow()) - policy.backoffAfter();
        if (over < 0 || count.lastFailureAt() == null) {
            return;
        }
        var until = count.lastFailureAt().plus(policy.backoff(over));
        if (now.isBefore(until)) {
            metrics.login("throttled");
            throw new TooManyAttempts("auth.too_many_attempts",
                    "too many failed logins for this account; try again shortly", Duration.between(now, until));
        }
    }

    /**
     * Counts the failure for the account and address, the address and the account; records it, and the lock, the
     * throttle or the back-off it starts; answers 401.
     */
    Unauthenticated failed(User user, String account, String address, String why, RequestContext context,
                                   Instant now) {
        transactions.inTransaction(() -> {
            var pair = attempts.recordFailure(PAIR, pair(account, address), now, policy.accountWindow());
            var byAddress = attempts.recordFailure(ADDRESS, address, now, policy.addressWindow());
            var byAccount = attempts.recordFailure(ACCOUNT, account, now, policy.accountWindow());
            record(AuditAction.LOGIN_FAILED, AuditOutcome.FAILURE, Severity.NOTICE, Optional.ofNullable(user), account,
                    why, context, now);
            if (pair.failures() == policy.accountFailures()) {
                record(AuditAction.LOGIN_LOCKED, AuditOutcome.FAILURE, Severity.WARNING, Optional.ofNullable(user),
                        account, "locked for this address after " + pair.failures() + " failures", context, now);
            }
            if (byAddress.failures() == policy.addressFailures()) {
                recordThrottle(address, "address throttled after " + byAddress.failures() + " failures", context, now);
            }
            if (byAccount.failures() == policy.backoffAfter()) {
                record(AuditAction.LOGIN_THROTTLED, AuditOutcome.FAILURE, Severity.WARNING, Optional.ofNullable(user),
                        account, "account-wide back-off after " + byAccount.failures() + " failures from all addresses",
                        context, now);
            }
            return null;
        });
        metrics.login("failed");
        return Unauthenticated.badCredentials();
    }

    private void recordThrottle(String address, String why, RequestContext context, Instant now) {
        var after = new LinkedHashMap<String, Object>();
        after.put("address", address);
        after.put("reason", why);
        trail.entry(AuditAction.LOGIN_THROTTLED, ANONYMOUS, context).on(new Subject("address", address, null)).failed()
                .severity(Severity.WARNING).details(after).at(now).record();
    }

    /** The lock's key: the account as tried from one address, hashed to a fixed length. */
    private static String pair(String account, String address) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest((account + "\n" + address).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
        var actor = user.filter(u -> outcome == AuditOutcome.SUCCESS).map(User::asActor).orElse(ANONYMOUS);
        trail.entry(action, actor, context).outcome(outcome).severity(severity).on(subject).details(after).at(now)
                .record();
    }
}
