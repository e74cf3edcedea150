package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.StandingNotices;
import java.util.ArrayList;
import java.util.List;

/**
 * Announcements of changed standings in one process: an announcement is heard when the announcer waits for it (as
 * the real barrier guarantees by then), and {@link #caughtUp} can be turned off to stand for a lost connection.
 */
public final class HeardNotices implements StandingNotices {

    private final List<Runnable> listeners = new ArrayList<>();
    private int announced;
    private int pending;
    public volatile boolean caughtUp = true;

    @Override
    public synchronized void announce() {
        announced++;
        pending++;
    }

    @Override
    public void awaitHeard() {
        synchronized (this) {
            if (pending == 0) {
                throw new IllegalStateException("awaited an announcement that was never made");
            }
            pending = 0;
        }
        hear();
    }

    /** Delivers an announcement to every listener, as another instance's would be. */
    public void hear() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public synchronized void onAnnouncement(Runnable listener) {
        listeners.add(listener);
    }

    public synchronized int announced() {
        return announced;
    }
}
