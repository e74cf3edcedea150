package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.out.FeatureNotices;
import io.flagtrail.application.port.out.StandingNotices;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changed standings announced through PostgreSQL's {@code NOTIFY}, which every instance on the database hears after
 * the announcing transaction commits (never if it rolls back), in commit order.
 *
 * <p>How an instance knows it has heard everything: its listening connection notifies itself a "ping" every
 * {@code lag / 5}, carrying the local monotonic time it was sent. A ping heard means every announcement committed
 * before it was sent has been heard too (one queue, commit order). The instance is caught up while its last heard
 * ping was sent less than {@code lag} ago. The announcer waits {@code lag} after its commit before it answers; so any
 * request that arrives after that answer, on an instance still caught up, is checked after that instance heard a
 * ping sent after the commit, and so after it heard the announcement. Only durations on each instance's own clock
 * are compared: the instances' clocks need not agree. An instance whose connection is lost, or whose pings are late
 * (the database is slow), stops being caught up within {@code lag} and reads standings from the store again.
 *
 * <p>On H2 (one process owns the embedded database) nothing is heard and the store is read every time; a lag of
 * zero turns the memory off on PostgreSQL too. The listener takes one connection of the pool, from the first
 * session check or feature listener on (the CLI, which has neither, never opens it).
 *
 * <p>The same connection also listens for {@link FeatureNotices} on a channel of their own, so that a feature change
 * reaches every instance's evaluation snapshot at once without a second connection per instance; they never touch
 * the sessions' barrier (a feature notice forgets no standing, and pings are on their own channel).
 */
@Singleton
final class JdbcStandingNotices implements StandingNotices, FeatureNotices {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStandingNotices.class);
    /** One channel per schema: installations or test schemas side by side on one database must not hear each other. */
    private static final String CHANNEL = "SELECT 'ft_s_' || md5(current_schema())";
    private static final String FEATURE_CHANNEL = "SELECT 'ft_f_' || md5(current_schema())";
    private static final long RECONNECT_MILLIS = 1_000;

    private final Sql sql;
    private final DataSource dataSource;
    private final long lagNanos;
    /** Zero but in tests, which stand for a listener slow to hear (a busy instance, a slow network) with it. */
    private final long hearingDelayMillis;
    private final String pingChannel = "ft_p_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> featureListeners = new CopyOnWriteArrayList<>();
    /** The send time (System.nanoTime) of the latest ping heard; meaningful only while {@link #listening}. */
    private volatile long heardUpTo;
    private volatile boolean listening;
    private volatile boolean stopped;
    private volatile Connection connection;
    private volatile String channel;
    private volatile String featureChannel;
    private Thread thread;

    @Inject
    JdbcStandingNotices(Sql sql, DataSource dataSource,
                        @Value("${flagtrail.security.session-notice-lag:300ms}") Duration lag) {
        this(sql, dataSource, lag, Duration.ZERO);
    }

    JdbcStandingNotices(Sql sql, DataSource dataSource, Duration lag, Duration hearingDelay) {
        this.sql = sql;
        // The injected DataSource hands out only the current transaction's connection; the listener needs its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.lagNanos = lag.toNanos();
        this.hearingDelayMillis = hearingDelay.toMillis();
    }

    @Override
    public void announce() {
        if (enabled()) {
            sql.update("NOTIFY " + channel() + ", 'changed'", List.of());
        }
    }

    @Override
    public void awaitHeard() {
        if (!enabled()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(lagNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean caughtUp() {
        if (!enabled()) {
            return false;
        }
        startOnce();
        return listening && System.nanoTime() - heardUpTo < lagNanos;
    }

    @Override
    public void onAnnouncement(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void onChange(Runnable listener) {
        featureListeners.add(listener);
        if (enabled()) {
            startOnce();
        }
    }

    @Override
    public void announceChange() {
        if (enabled()) {
            sql.update("NOTIFY " + featureChannel() + ", 'changed'", List.of());
        }
    }

    private String featureChannel() {
        if (featureChannel == null) {
            featureChannel = '"' + sql.lookUp(FEATURE_CHANNEL, List.of(), rs -> rs.next() ? rs.getString(1) : null) + '"';
        }
        return featureChannel;
    }

    /** The schema's channel, quoted as an identifier (its name is hex digits and a prefix: nothing to escape). */
    private String channel() {
        if (channel == null) {
            channel = '"' + sql.lookUp(CHANNEL, List.of(), rs -> rs.next() ? rs.getString(1) : null) + '"';
        }
        return channel;
    }

    private boolean enabled() {
        return lagNanos > 0 && sql.postgres();
    }

    private synchronized void startOnce() {
        if (thread == null && !stopped) {
            thread = Thread.ofPlatform().daemon().name("flagtrail-session-notices").start(this::run);
        }
    }

    private void run() {
        while (!stopped) {
            try (var listener = dataSource.getConnection()) {
                connection = listener;
                try {
                    listen(listener);
                    forget(listener);
                } catch (RuntimeException e) {
                    forget(listener); // the connection still works: it goes back to the pool clean
                    throw e;
                }
            } catch (SQLException | RuntimeException e) {
                if (!stopped) {
                    LOG.warn("session notices: {}; sessions are read from the database until the listener is back",
                            e.getMessage());
                }
            } finally {
                listening = false;
                connection = null;
            }
            sleepQuietly(RECONNECT_MILLIS);
        }
    }

    private void listen(Connection listener) throws SQLException {
        listener.setAutoCommit(true);
        try (var statement = listener.createStatement()) {
            // Named, so that an operator sees which backend it is in pg_stat_activity (and a test can cut it off).
            statement.execute("SET application_name = '" + applicationName() + "'");
            statement.execute("LISTEN " + channel());
            statement.execute("LISTEN " + featureChannel());
            statement.execute("LISTEN \"" + pingChannel + "\"");
        }
        // Whatever was announced while not listening was missed: forget everything kept before trusting memory again.
        listeners.forEach(Runnable::run);
        featureListeners.forEach(Runnable::run);
        var notifications = listener.unwrap(PGConnection.class);
        long interval = Math.max(1, TimeUnit.NANOSECONDS.toMillis(lagNanos) / 5);
        try (var ping = listener.prepareStatement("SELECT pg_notify(?, ?)")) {
            while (!stopped) {
                long sent = System.nanoTime();
                ping.setString(1, pingChannel);
                ping.setString(2, Long.toString(sent));
                ping.executeQuery().close();
                long wakeAt = sent + TimeUnit.MILLISECONDS.toNanos(interval);
                do {
                    long wait = TimeUnit.NANOSECONDS.toMillis(wakeAt - System.nanoTime());
                    var heard = notifications.getNotifications((int) Math.max(1, wait));
                    if (heard != null && heard.length > 0) {
                        if (hearingDelayMillis > 0) {
                            sleepQuietly(hearingDelayMillis);
                        }
                        for (var notification : heard) {
                            hear(notification.getName(), notification.getParameter());
                        }
                    }
                } while (System.nanoTime() < wakeAt && !stopped);
            }
        }
    }

    /** The name the listening connection shows in {@code pg_stat_activity}. */
    String applicationName() {
        return "flagtrail notices " + pingChannel;
    }

    /** Before the connection goes back to the pool: it listens no more and carries no name. */
    private static void forget(Connection listener) {
        try (var statement = listener.createStatement()) {
            statement.execute("UNLISTEN *");
            statement.execute("RESET application_name");
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool; nothing is left to undo on it
        }
    }

    /** In the order heard: an announcement forgets before any later ping can say this instance is caught up. */
    private void hear(String heardOn, String payload) {
        if (featureChannel != null && featureChannel.equals('"' + heardOn + '"')) {
            featureListeners.forEach(Runnable::run);
        } else if (pingChannel.equals(heardOn)) {
            long sent = Long.parseLong(payload);
            if (!listening || sent - heardUpTo > 0) {
                heardUpTo = sent;
            }
            listening = true;
        } else {
            listeners.forEach(Runnable::run);
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        listening = false;
        var open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing is all that is asked; the thread ends on its next wake-up either way
            }
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
