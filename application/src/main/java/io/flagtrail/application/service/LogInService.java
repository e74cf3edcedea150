package io.flagtrail.application.service;

import io.flagtrail.application.port.in.LogInCommand;
import io.flagtrail.application.port.in.LogInUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks an e-mail and password. Every failure looks the same to the caller and costs about the same time,
 * so that neither the answer nor its timing tells whether an account exists.
 */
public final class LogInService implements LogInUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final Transactions transactions;
    private final Clock clock;

    public LogInService(Users users, PasswordHasher hasher, Transactions transactions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public User logIn(LogInCommand command) {
        try {
            var user = lookUp(command.email());
            if (user.isEmpty()) {
                hasher.burnEquivalentWork(command.password());
                throw Unauthenticated.badCredentials();
            }
            var found = user.get();
            if (!hasher.matches(command.password(), found.passwordHash()) || !found.canLogIn()) {
                throw Unauthenticated.badCredentials();
            }
            String hash = hasher.needsRehash(found.passwordHash()) ? hasher.hash(command.password()) : found.passwordHash();
            transactions.inTransaction(() -> {
                users.recordLogin(found.id(), clock.now(), hash);
                return null;
            });
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
