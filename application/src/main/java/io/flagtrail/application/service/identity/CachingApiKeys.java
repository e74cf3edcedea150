package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.domain.apikey.ApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The API-key store with a per-instance cache in front, so that a key on the evaluation hot path does not cost a
 * database read per request. A key read from the store is kept for {@code cacheTtl} (one second by default); the
 * caller still checks the hash, expiry and revocation on every request against the kept copy. Unknown look-ups are
 * never kept. A revocation through this instance empties the cache, and a key revoked here within the last
 * {@code cacheTtl} is not kept again, so that a read racing the revocation's commit is not remembered; a revocation
 * made through another instance takes effect here within {@code cacheTtl}.
 *
 * <p>When the store cannot be read (the database is down), a kept key is served for up to {@code maxStale} after it
 * was last read, so that applications evaluating flags (from memory) ride out a short outage; for
 * {@link #STORE_RETRY} after a failed read, kept copies are served without asking the store again, so requests do
 * not each wait for the connection timeout. Keys never seen, or kept longer than {@code maxStale}, fail as the store
 * failed. Recording the last use is bookkeeping: skipped while the store is failing, and its failure forgotten.
 */
public final class CachingApiKeys implements ApiKeys {

    /** After a failed read, how long kept copies are served without trying the store again. */
    static final Duration STORE_RETRY = Duration.ofSeconds(5);

    private final ApiKeys store;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration maxStale;
    private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();
    private final ConcurrentMap<UUID, Instant> revokedAt = new ConcurrentHashMap<>();
    private volatile Instant storeFailedAt = Instant.MIN;

    private record Kept(Stored stored, Instant readAt) {
    }

    public CachingApiKeys(ApiKeys store, Clock clock, Duration cacheTtl, Duration maxStale) {
        this.store = store;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.maxStale = maxStale;
    }

    @Override
    public Optional<Stored> findByLookup(String lookup) {
        var now = clock.now();
        var cached = kept.get(lookup);
        if (cached != null && now.isBefore(cached.readAt().plus(cacheTtl))) {
            return Optional.of(cached.stored());
        }
        boolean usable = cached != null && now.isBefore(cached.readAt().plus(maxStale));
        if (usable && storeFailing(now)) {
            return Optional.of(cached.stored());
        }
        Optional<Stored> stored;
        try {
            stored = store.findByLookup(lookup);
        } catch (RuntimeException storeUnavailable) {
            storeFailedAt = now;
            if (usable) {
                return Optional.of(cached.stored());
            }
            throw storeUnavailable;
        }
        if (stored.isEmpty()) {
            kept.remove(lookup);
        } else if (cacheTtl.isPositive() && !revokedRecently(stored.get().key().id(), now)) {
            kept.put(lookup, new Kept(stored.get(), now));
        }
        return stored;
    }

    @Override
    public void used(UUID id, Instant at) {
        var now = clock.now();
        if (storeFailing(now)) {
            return;
        }
        try {
            store.used(id, at);
        } catch (RuntimeException storeUnavailable) {
            storeFailedAt = now;
            return;
        }
        kept.replaceAll((lookup, k) -> k.stored().key().id().equals(id)
                ? new Kept(new Stored(k.stored().key().usedAt(at), k.stored().secretHash()), k.readAt()) : k);
    }

    @Override
    public void revoke(ApiKey revoked) {
        store.revoke(revoked);
        revokedAt.put(revoked.id(), clock.now());
        kept.clear();
    }

    @Override
    public void add(ApiKey key, String lookup, String secretHash) {
        store.add(key, lookup, secretHash);
    }

    @Override
    public Optional<ApiKey> find(UUID id) {
        return store.find(id);
    }

    @Override
    public List<ApiKey> list() {
        return store.list();
    }

    private boolean storeFailing(Instant now) {
        return now.isBefore(storeFailedAt.plus(STORE_RETRY));
    }

    private boolean revokedRecently(UUID id, Instant now) {
        revokedAt.values().removeIf(at -> !now.isBefore(at.plus(cacheTtl)));
        return revokedAt.containsKey(id);
    }
}
