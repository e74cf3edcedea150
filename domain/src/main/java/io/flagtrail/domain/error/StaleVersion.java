package io.flagtrail.domain.error;

/** The caller changed a version that is no longer the current one; it must re-read and retry. */
public final class StaleVersion extends DomainException {

    private final long expected;
    private final long actual;

    public StaleVersion(String subject, long expected, long actual) {
        super("version.stale", subject + " is at version " + actual + ", not " + expected);
        this.expected = expected;
        this.actual = actual;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
