package io.flagtrail.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way tests wait for something that happens on another thread (a sealer round, a relay delivery, a snapshot
 * reload): ask again every few milliseconds until the answer is right, and fail with what was last seen when the
 * time is up. Never a fixed sleep followed by an assertion.
 */
public final class Poll {

    private static final Duration EVERY = Duration.ofMillis(20);

    private Poll() {
    }

    /** Asks until {@code done} accepts the answer, and answers it; fails naming {@code what} and the last answer. */
    public static <T> T until(Duration timeout, String what, Supplier<T> ask, Predicate<? super T> done) {
        var deadline = Instant.now().plus(timeout);
        T last = ask.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + timeout + " waiting for " + what + "; last saw " + last);
            }
            pause();
            last = ask.get();
        }
        return last;
    }

    /** Waits until the condition holds; fails naming {@code what}. */
    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        until(timeout, what, condition::getAsBoolean, Boolean::booleanValue);
    }

    private static void pause() {
        try {
            Thread.sleep(EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }
}
