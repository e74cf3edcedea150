package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.StandingNotices;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The session store with a per-instance memory of where sessions stand, so that the check every authenticated
 * request makes is not a database round trip. A kept standing is used only while this instance is
 * {@linkplain StandingNotices#caughtUp() caught up} with the announcements of changes, and only if no announcement
 * was heard since it was read: every heard announcement forgets them all (changes to users and sessions are rare, and
 * a forgotten standing costs one read). A standing read while an announcement arrived is not kept, as the read may
 * predate the change. So a logout, a disabled user or a changed role is refused on the very next request on any
 * instance, as without the memory.
 *
 * <p>Changes that bypass the service (a row edited in the database by hand) announce nothing: a kept standing is
 * read again after {@code maxAge} at the latest. At most {@link #MAX_KEPT} standings are kept; beyond that, reads
 * are not kept until the next announcement or expiry empties the memory.
 */
public final class CachingSessions implements Sessions {

    static final int MAX_KEPT = 100_000;

    private final Sessions store;
    private final StandingNotices notices;
    private final Clock clock;
    private final Duration maxAge;
    private final ConcurrentMap<UUID, Kept> kept = new ConcurrentHashMap<>();
    /** How many announcements this instance has heard; a kept standing is valid only for the count it was read at. */
    private final AtomicLong heard = new AtomicLong();

    private record Kept(Standing standing, long heard, Instant readAt) {
    }

    public CachingSessions(Sessions store, StandingNotices notices, Clock clock, Duration maxAge) {
        this.store = store;
        this.notices = notices;
        this.clock = clock;
        this.maxAge = maxAge;
        notices.onAnnouncement(this::forgetAll);
    }

    @Override
    public Optional<Standing> standing(UUID sessionId) {
        if (!maxAge.isPositive() || !notices.caughtUp()) {
            return store.standing(sessionId);
        }
        var now = clock.now();
        long count = heard.get();
        var known = valid(kept.get(sessionId), count, now);
        if (known.isPresent()) {
            return known;
        }
        var read = store.standing(sessionId);
        if (read.isPresent() && heard.get() == count) {
            if (kept.size() >= MAX_KEPT) {
                kept.values().removeIf(k -> k.heard() != count || !now.isBefore(k.readAt().plus(maxAge)));
            }
            if (kept.size() < MAX_KEPT) {
                kept.put(sessionId, new Kept(read.get(), count, now));
            }
        } else {
            kept.remove(sessionId);
        }
        return read;
    }

    /**
     * A kept standing, under the same rules as {@link #standing}; never reads the store. Nothing is kept before a
     * {@link #standing} read has asked the notices once (which may block the first time), so an empty memory
     * answers before they are asked.
     */
    @Override
    public Optional<Standing> remembered(UUID sessionId) {
        if (kept.isEmpty() || !maxAge.isPositive() || !notices.caughtUp()) {
            return Optional.empty();
        }
        return valid(kept.get(sessionId), heard.get(), clock.now());
    }

    private Optional<Standing> valid(Kept known, long count, Instant now) {
        return known != null && known.heard() == count && now.isBefore(known.readAt().plus(maxAge))
                ? Optional.of(known.standing()) : Optional.empty();
    }

    private void forgetAll() {
        heard.incrementAndGet();
        kept.clear();
    }

    @Override
    public void start(UUID sessionId, UUID userId, Instant at) {
        store.start(sessionId, userId, at);
    }

    @Override
    public void addRefreshToken(RefreshToken token) {
        store.addRefreshToken(token);
    }

    @Override
    public Optional<RefreshToken> lockRefreshToken(String hash) {
        return store.lockRefreshToken(hash);
    }

    @Override
    public void spend(String hash, Instant at) {
        store.spend(hash, at);
    }

    @Override
    public boolean revoke(UUID sessionId, Instant at, String reason) {
        return store.revoke(sessionId, at, reason);
    }

    @Override
    public int revokeAllOf(UUID userId, Instant at, String reason) {
        return store.revokeAllOf(userId, at, reason);
    }

    @Override
    public boolean active(UUID sessionId) {
        return store.active(sessionId);
    }
}
