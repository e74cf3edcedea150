package io.flagtrail.application.port.in;

import java.util.Optional;

/**
 * Makes sure someone can log in on a fresh installation: when there are no users, creates an ADMIN.
 * Answers the generated password (to be shown once) when it had to make one up.
 */
public interface BootstrapAdminUseCase {
    Optional<String> ensureAdmin(BootstrapAdminCommand command);
}
