package io.flagtrail.application.port.out;

import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.UserStatus;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Login sessions and their rotating refresh tokens. A session is a family of refresh tokens: each refresh spends one
 * and issues the next; revoking the session ends every token of the family. Only hashes of refresh tokens are kept.
 */
public interface Sessions {

    /** A refresh token as stored: its hash, its session, and whether it was spent. */
    record RefreshToken(String hash, UUID sessionId, UUID userId, Instant issuedAt, Instant expiresAt, Instant usedAt) {
    }

    void start(UUID sessionId, UUID userId, Instant at);

    void addRefreshToken(RefreshToken token);

    /** The token with this hash, locked until the transaction ends (so that one refresh spends it). */
    Optional<RefreshToken> lockRefreshToken(String hash);

    void spend(String hash, Instant at);

    /** Ends the session; answers whether it was still active. */
    boolean revoke(UUID sessionId, Instant at, String reason);

    /** Ends every session of the user (disabled, password changed). */
    int revokeAllOf(UUID userId, Instant at, String reason);

    boolean active(UUID sessionId);

    /**
     * Where a session stands now: whose it is, whether it was revoked, and its user's status, roles and grants today.
     */
    record Standing(UUID userId, boolean revoked, UserStatus status, Set<Role> roles, Set<Grant> grants) {

        public Standing {
            roles = Set.copyOf(roles);
            grants = grants == null ? Set.of() : Set.copyOf(grants);
        }

        /** What a token must claim to be current: each role's name and each grant as written ({@code EDITOR@web}). */
        public Set<String> access() {
            var access = new HashSet<String>();
            roles.forEach(role -> access.add(role.name()));
            grants.forEach(grant -> access.add(grant.toString()));
            return access;
        }
    }

    /** One look-up for the per-request check (it runs on every authenticated request). */
    Optional<Standing> standing(UUID sessionId);

    /**
     * The standing if this store can give it without blocking (from memory), else empty: a store that must ask the
     * database answers empty, and the caller then calls {@link #standing} where blocking is allowed.
     */
    default Optional<Standing> remembered(UUID sessionId) {
        return Optional.empty();
    }
}
