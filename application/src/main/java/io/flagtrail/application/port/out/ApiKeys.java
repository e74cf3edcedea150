package io.flagtrail.application.port.out;

import io.flagtrail.domain.apikey.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API keys. A key is found by its {@code lookup} (a non-secret part of the secret) and then checked by comparing
 * the SHA-256 of the whole secret in constant time; the secret itself is never stored.
 */
public interface ApiKeys {

    /** A stored key with the hash its secret must match. */
    record Stored(ApiKey key, String secretHash) {
    }

    void add(ApiKey key, String lookup, String secretHash);

    Optional<Stored> findByLookup(String lookup);

    Optional<ApiKey> find(UUID id);

    /** Newest first. */
    List<ApiKey> list();

    void revoke(ApiKey revoked);

    /** Records the last use (the caller decides how often). */
    void used(UUID id, Instant at);
}
