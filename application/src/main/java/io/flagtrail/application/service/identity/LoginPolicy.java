package io.flagtrail.application.service.identity;

import java.time.Duration;

/**
 * Login protection (OWASP ASVS v5 chapter 6: stop guessing without letting anyone lock a legitimate user out):
 * <ul>
 *   <li>an account is locked <em>for one address</em> after {@code accountFailures} failures from it within
 *       {@code accountWindow}: a guesser locks out only themselves, not the user at their own address;</li>
 *   <li>an address is throttled (429) after {@code addressFailures} failures within {@code addressWindow}, whatever
 *       accounts it tried, attempts against a locked account included;</li>
 *   <li>an account that fails {@code backoffAfter} times within {@code accountWindow} from all addresses together
 *       (a distributed guess) gets a slower global back-off: each further attempt must wait one second after the
 *       last failure, doubling per failure up to {@code backoffMax} (429 with Retry-After until then). A legitimate
 *       user is delayed at most that long, never locked out.</li>
 * </ul>
 */
public record LoginPolicy(int accountFailures, Duration accountWindow, int addressFailures, Duration addressWindow,
                          int backoffAfter, Duration backoffMax) {

    public LoginPolicy {
        if (accountFailures < 1 || addressFailures < 1 || backoffAfter < 1 || !accountWindow.isPositive()
                || !addressWindow.isPositive() || !backoffMax.isPositive()) {
            throw new IllegalArgumentException("login limits, windows and back-off must be positive");
        }
    }

    public static LoginPolicy defaults() {
        return new LoginPolicy(10, Duration.ofMinutes(15), 100, Duration.ofMinutes(15), 50, Duration.ofMinutes(1));
    }

    /** How long an account that is {@code over} failures past {@link #backoffAfter} waits after its last failure. */
    Duration backoff(int over) {
        if (over < 0) {
            return Duration.ZERO;
        }
        long seconds = over >= 30 ? Long.MAX_VALUE : 1L << over;
        return seconds >= backoffMax.toSeconds() ? backoffMax : Duration.ofSeconds(seconds);
    }
}
