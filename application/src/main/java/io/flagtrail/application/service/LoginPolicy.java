package io.flagtrail.application.service;

import java.time.Duration;

/**
 * Login protection: an account is locked after {@code accountFailures} failures within {@code accountWindow} (until
 * the window passes), and an address is throttled after {@code addressFailures} failures within
 * {@code addressWindow}.
 */
public record LoginPolicy(int accountFailures, Duration accountWindow, int addressFailures, Duration addressWindow) {

    public LoginPolicy {
        if (accountFailures < 1 || addressFailures < 1 || !accountWindow.isPositive() || !addressWindow.isPositive()) {
            throw new IllegalArgumentException("login limits and windows must be positive");
        }
    }

    public static LoginPolicy defaults() {
        return new LoginPolicy(10, Duration.ofMinutes(15), 100, Duration.ofMinutes(15));
    }
}
