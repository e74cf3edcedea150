package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.domain.apikey.ApiKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** API keys by look-up, with their secret hashes; can play a store that is down (every read and write fails). */
public final class InMemoryApiKeys implements ApiKeys, Rollbackable {

    private Map<String, Stored> byLookup = new HashMap<>();
    private boolean failing;
    private int reads;

    /** From now on every look-up and write fails as an unreachable database would, until switched back. */
    public synchronized void failing(boolean failing) {
        this.failing = failing;
    }

    /** How many look-ups by secret were asked for, failed ones included. */
    public synchronized int reads() {
        return reads;
    }

    private void answerOrFail() {
        if (failing) {
            throw new IllegalStateException("the key store cannot be reached");
        }
    }

    @Override
    public synchronized void add(ApiKey key, String lookup, String secretHash) {
        byLookup.put(lookup, new Stored(key, secretHash));
    }

    @Override
    public synchronized Optional<Stored> findByLookup(String lookup) {
        reads++;
        answerOrFail();
        return Optional.ofNullable(byLookup.get(lookup));
    }

    @Override
    public synchronized Optional<ApiKey> find(UUID id) {
        return byLookup.values().stream().map(Stored::key).filter(k -> k.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<ApiKey> list() {
        return byLookup.values().stream().map(Stored::key).sorted(Comparator.comparing(ApiKey::createdAt).reversed()).toList();
    }

    @Override
    public synchronized void revoke(ApiKey revoked) {
        replace(revoked.id(), revoked);
    }

    @Override
    public synchronized void used(UUID id, Instant at) {
        answerOrFail();
        var k = find(id).orElseThrow();
        replace(id, new ApiKey(k.id(), k.name(), k.prefix(), k.scopes(), k.boundTo(), k.createdBy(), k.createdAt(), k.expiresAt(),
                k.revokedAt(), at));
    }

    private void replace(UUID id, ApiKey key) {
        byLookup.replaceAll((lookup, stored) -> stored.key().id().equals(id) ? new Stored(key, stored.secretHash()) : stored);
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(byLookup);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byLookup = (Map<String, Stored>) snapshot;
    }
}
