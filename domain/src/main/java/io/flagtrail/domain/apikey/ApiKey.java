package io.flagtrail.domain.apikey;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A key that lets a program call the API without a user's password: named, scoped, bound to one environment of one
 * project ({@code boundTo}: what it evaluates and which features it reads or changes), optionally expiring,
 * revocable. Only a hash of its secret is ever stored; {@code prefix} (the first characters of the secret) lets people
 * tell their keys apart. A key whose environment was deleted is bound to nothing and can no longer be used.
 */
public record ApiKey(UUID id, String name, String prefix, Set<ApiKeyScope> scopes, Scope boundTo, String createdBy,
                     Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        new Violations()
                .check(name != null && !name.isBlank() && name.length() <= 120, "name", "must be 1 to 120 characters")
                .check(scopes != null && !scopes.isEmpty(), "scopes", "must name at least one scope")
                .check(expiresAt == null || expiresAt.isAfter(createdAt), "expiresAt", "must be in the future")
                .throwIfAny();
        scopes = Set.copyOf(scopes);
        name = name.strip();
    }

    /** Whether the key may be used at {@code now}: not revoked, not expired, its environment still there. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && boundTo != null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoke(Instant at) {
        if (revokedAt != null) {
            throw new Conflict("api_key.revoked", "API key " + id + " was already revoked");
        }
        return new ApiKey(id, name, prefix, scopes, boundTo, createdBy, createdAt, expiresAt, at, lastUsedAt);
    }

    /** The key as last used at {@code at}. */
    public ApiKey usedAt(Instant at) {
        return new ApiKey(id, name, prefix, scopes, boundTo, createdBy, createdAt, expiresAt, revokedAt, at);
    }

    public Actor asActor() {
        return new Actor(ActorType.API_KEY, id.toString(), name, null);
    }

    /** The key as the audit trail records it: never the secret or its hash. */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("name", name);
        map.put("prefix", prefix);
        map.put("scopes", scopes.stream().map(ApiKeyScope::value).sorted().toList());
        map.put("project", boundTo == null ? null : boundTo.project().value());
        map.put("environment", boundTo == null ? null : boundTo.environment().value());
        map.put("createdBy", createdBy);
        map.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        map.put("revoked", revokedAt != null);
        return map;
    }
}
