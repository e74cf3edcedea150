package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LoginAttempts;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an e-mail and password. Every failure looks the same to the caller and costs about the same time (an
 * unknown e-mail and a locked account burn a hash's worth of work), so that neither the answer nor its timing tells
 * whether an account exists or is locked. {@link LoginLimits} counts the failures and applies the lock, the throttle
 * and the back-off, recording each attempt; no password is ever recorded.
 */
public final class LogInService implements LogInUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final LoginLimits limits;
    private final Transactions transactions;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public LogInService(Users users, PasswordHasher hasher, LoginAttempts attempts, AuditTrail trail,
                        Transactions transactions, Clock clock, LoginPolicy policy,
                        BusinessMetrics metrics) {
        this.users = users;
        this.hasher = hasher;
        this.limits = new LoginLimits(attempts, trail, transactions, policy, metrics);
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public User logIn(LogInCommand command) {
        try {
            Instant now = clock.now();
            String account = command.email().strip().toLowerCase(Locale.ROOT);
            String address = command.context().ip() == null ? "unknown" : command.context().ip();
            limits.refuseIfLimited(account, address, command.context(), now);
            var user = lookUp(command.email());
            if (limits.locked(account, address, now)) {
                hasher.burnEquivalentWork(command.password());
                metrics.login("locked");
                throw limits.failed(user.orElse(null), account, address, "account locked for this address", command.context(), now);
            }
            if (user.isEmpty()) {
                hasher.burnEquivalentWork(command.password());
                throw limits.failed(null, account, address, "unknown e-mail", command.context(), now);
            }
            var found = user.get();
            if (!hasher.matches(command.password(), found.passwordHash())) {
                throw limits.failed(found, account, address, "wrong password", command.context(), now);
            }
            if (!found.canLogIn()) {
                throw limits.failed(found, account, address, "account " + found.status().name().toLowerCase(Locale.ROOT),
                        command.context(), now);
            }
            String hash = hasher.needsRehash(found.passwordHash()) ? hasher.hash(command.password()) : found.passwordHash();
            transactions.inTransaction(() -> {
                users.recordLogin(found.id(), now, hash);
                limits.succeeded(found, account, address, command.context(), now);
                return null;
            });
            metrics.login("succeeded");
            return found;
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }

    private Optional<User> lookUp(String email) {
        try {
            return users.findByEmail(new Email(email));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }
}
