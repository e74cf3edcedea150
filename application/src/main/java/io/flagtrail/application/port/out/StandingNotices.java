package io.flagtrail.application.port.out;

/**
 * Tells every instance that a session's standing changed (a session revoked, a user disabled, their roles or
 * password changed), so that instances may answer the per-request session check from memory and still refuse the
 * very next request after the change, on whichever instance it arrives.
 *
 * <p>The contract is a barrier: once {@link #awaitHeard()} has returned after the announcing transaction committed,
 * every instance for which {@link #caughtUp()} is true has heard the announcement. An instance that cannot tell
 * (it lost its connection, it is slow) answers false, and its caller reads the store as it would with no memory.
 */
public interface StandingNotices {

    /** Within the transaction that changes a standing: heard by every instance once it commits, never if it rolls back. */
    void announce();

    /** After the announcing transaction committed: returns once every caught-up instance has heard it. */
    void awaitHeard();

    /** Whether this instance has heard every announcement whose {@link #awaitHeard()} has returned anywhere. */
    boolean caughtUp();

    /** Runs {@code listener} for every announcement this instance hears, and whenever it may have missed some. */
    void onAnnouncement(Runnable listener);

    /** For stores that only one process uses or that hear nothing: never caught up, so standings are always read. */
    StandingNotices NONE = new StandingNotices() {
        @Override
        public void announce() {
        }

        @Override
        public void awaitHeard() {
        }

        @Override
        public boolean caughtUp() {
            return false;
        }

        @Override
        public void onAnnouncement(Runnable listener) {
        }
    };
}
