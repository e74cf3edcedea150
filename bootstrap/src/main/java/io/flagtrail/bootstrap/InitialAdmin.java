package io.flagtrail.bootstrap;

import io.flagtrail.application.port.in.BootstrapAdminCommand;
import io.flagtrail.application.port.in.BootstrapAdminUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.PrintStream;

/**
 * On the first start (no users yet) creates an ADMIN from {@code FLAGTRAIL_ADMIN_EMAIL} and
 * {@code FLAGTRAIL_ADMIN_PASSWORD}; without a password one is generated and printed once to standard output,
 * never to the log.
 */
@Singleton
@Requires(notEnv = CliMain.ENVIRONMENT)
final class InitialAdmin {

    private final BootstrapAdminUseCase bootstrap;
    private final String email;
    private final String password;
    private final PrintStream console = System.out;

    InitialAdmin(BootstrapAdminUseCase bootstrap,
                 @Value("${flagtrail.admin.email:admin@flagtrail.local}") String email,
                 @Value("${flagtrail.admin.password:}") String password) {
        this.bootstrap = bootstrap;
        this.email = email;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            ensureAdmin();
        } catch (InvalidInput e) {
            throw new IllegalStateException("cannot create the first administrator from FLAGTRAIL_ADMIN_EMAIL and "
                    + "FLAGTRAIL_ADMIN_PASSWORD (" + e.getMessage() + ")", e);
        }
    }

    private void ensureAdmin() {
        bootstrap.ensureAdmin(new BootstrapAdminCommand(email, password.toCharArray()))
                .ifPresent(generated -> console.printf("%n=== Flagtrail: initial administrator created ===%n"
                        + "e-mail:   %s%npassword: %s%nThis password is shown only now. Change it after logging in.%n%n",
                        email, generated));
    }
}
