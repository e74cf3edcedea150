package io.flagtrail.application.service;

import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.application.port.in.ApiKeyUseCases.CreatedApiKey;
import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.Unauthenticated;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * API keys: {@code ft_} + 256 random bits (base64url), shown once. The first 12 characters after the prefix are the
 * look-up (indexed, not secret on its own); the SHA-256 of the whole secret is compared in constant time. Last use
 * is written at most once a minute per key, so that a busy key does not turn every read into a write.
 *
 * <p>A key read from the store is kept for {@code cacheTtl} (one second by default), so that a key on the evaluation
 * hot path does not cost a database read per request; the hash, expiry and revocation are still checked on every
 * request against the kept copy. A revocation through this instance takes effect on the next request; one made
 * through another instance within {@code cacheTtl}. Unknown look-ups are never kept.
 *
 * <p>When the store cannot be read (the database is down), a kept key keeps authenticating for up to {@code maxStale}
 * after it was last read, so that applications evaluating flags (from memory) ride out a short outage; for
 * {@link #STORE_RETRY} after a failed read, expired copies are served without asking the store again, so requests
 * do not each wait for the connection timeout. Keys never seen, or kept longer than {@code maxStale}, are refused
 * as the failure says (503). Recording the last use is bookkeeping and never fails a request.
 */
public final class ApiKeyService implements ManageApiKeysUseCase, AuthenticateApiKeyUseCase {

    public static final String PREFIX = "ft_";
    static final int LOOKUP_LENGTH = 12;
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    /** After a failed read, how long kept copies are served without trying the store again. */
    static final Duration STORE_RETRY = Duration.ofSeconds(5);

    private final ApiKeys keys;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration cacheTtl;
    private final Duration maxStale;
    private final ConcurrentMap<String, Kept> kept = new ConcurrentHashMap<>();
    private volatile Instant storeFailedAt = Instant.MIN;

    private record Kept(ApiKeys.Stored stored, Instant readAt) {
    }

    public ApiKeyService(ApiKeys keys, AuditTrail trail, Transactions transactions, Clock clock, IdGenerator ids,
                         Duration cacheTtl, Duration maxStale) {
        this.keys = keys;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.cacheTtl = cacheTtl;
        this.maxStale = maxStale;
    }

    @Override
    public CreatedApiKey create(String name, Set<ApiKeyScope> scopes, Instant expiresAt, Origin origin) {
        String secret = SecretTokens.create(PREFIX);
        var key = new ApiKey(ids.newId(), name, secret.substring(0, PREFIX.length() + 6), scopes,
                origin.actor().reference(), clock.now(), expiresAt, null, null);
        return transactions.inTransaction(() -> {
            keys.add(key, lookup(secret), SecretTokens.sha256(secret));
            record(AuditAction.API_KEY_CREATED, null, key, origin);
            return new CreatedApiKey(key, secret);
        });
    }

    @Override
    public List<ApiKey> list() {
        return keys.list();
    }

    @Override
    public ApiKey revoke(UUID id, Origin origin) {
        var revoked = transactions.inTransaction(() -> {
            var before = keys.find(id).orElseThrow(() -> new NotFound("api_key.not_found", "no API key " + id));
            var after = before.revoke(clock.now());
            keys.revoke(after);
            record(AuditAction.API_KEY_REVOKED, before, after, origin);
            return after;
        });
        kept.clear(); // after the commit: the next request on this instance reads the revocation
        return revoked;
    }

    @Override
    public ApiKey authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() < PREFIX.length() + LOOKUP_LENGTH
                || secret.length() > 100) {
            throw refused();
        }
        var now = clock.now();
        String lookup = lookup(secret);
        var stored = stored(lookup, now);
        if (!MessageDigest.isEqual(SecretTokens.sha256(secret).getBytes(StandardCharsets.US_ASCII),
                stored.secretHash().getBytes(StandardCharsets.US_ASCII)) || !stored.key().usableAt(now)) {
            throw refused();
        }
        var key = stored.key();
        if (key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(LAST_USE_RESOLUTION))) {
            recordUse(key, now);
            kept.computeIfPresent(lookup, (l, k) -> new Kept(new ApiKeys.Stored(key.usedAt(now), stored.secretHash()),
                    k.readAt()));
        }
        return key;
    }

    /** Last use is bookkeeping: while the store is failing it is skipped, and a failure to write it is forgotten. */
    private void recordUse(ApiKey key, Instant now) {
        if (storeFailing(now)) {
            return;
        }
        try {
            keys.used(key.id(), now);
        } catch (RuntimeException storeUnavailable) {
            storeFailedAt = now;
        }
    }

    private boolean storeFailing(Instant now) {
        return now.isBefore(storeFailedAt.plus(STORE_RETRY));
    }

    private ApiKeys.Stored stored(String lookup, Instant now) {
        var cached = kept.get(lookup);
        if (cached != null && now.isBefore(cached.readAt().plus(cacheTtl))) {
            return cached.stored();
        }
        boolean usable = cached != null && now.isBefore(cached.readAt().plus(maxStale));
        if (usable && storeFailing(now)) {
            return cached.stored();
        }
        ApiKeys.Stored stored;
        try {
            stored = keys.findByLookup(lookup).orElse(null);
        } catch (RuntimeException storeUnavailable) {
            storeFailedAt = now;
            if (usable) {
                return cached.stored();
            }
            throw storeUnavailable;
        }
        if (stored == null) {
            kept.remove(lookup);
            throw refused();
        }
        if (cacheTtl.isPositive()) {
            kept.put(lookup, new Kept(stored, now));
        }
        return stored;
    }

    private void record(AuditAction action, ApiKey before, ApiKey after, Origin origin) {
        trail.entry(action, origin).on(new Subject("api-key", after.id().toString(), after.name()))
                .severity(Severity.NOTICE).changed(before == null ? null : before.snapshot(), after.snapshot()).record();
    }

    private static String lookup(String secret) {
        return secret.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH);
    }

    private static Unauthenticated refused() {
        return new Unauthenticated("auth.invalid_api_key", "the API key is not valid");
    }
}
