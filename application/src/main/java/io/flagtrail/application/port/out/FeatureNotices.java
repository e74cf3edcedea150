package io.flagtrail.application.port.out;

/**
 * Tells every instance that features changed, so that each reloads its evaluation snapshot at once instead of at its
 * next periodic check (issue 21). A push only hurries: the periodic check stays, so a lost notice delays an update,
 * never loses it.
 */
public interface FeatureNotices {

    /** Within the transaction that changes features: heard by every instance once it commits, never if it rolls back. */
    void announceChange();

    /** Runs {@code listener} (on a thread of the notices, briefly) whenever an announcement may have been made. */
    void onChange(Runnable listener);

    /** For stores that only one process uses: nothing to hear; the periodic check does all. */
    FeatureNotices NONE = new FeatureNotices() {
        @Override
        public void announceChange() {
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };
}
