package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.Users;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions and refresh tokens in maps; the fake's transactions run one at a time, so finding is locking. */
public final class InMemorySessions implements Sessions, Rollbackable {

    private record Session(UUID userId, Instant revokedAt) {
    }

    private Map<UUID, Session> sessions = new HashMap<>();
    private Map<String, RefreshToken> tokens = new HashMap<>();

    @Override
    public synchronized void start(UUID sessionId, UUID userId, Instant at) {
        sessions.put(sessionId, new Session(userId, null));
    }

    @Override
    public synchronized void addRefreshToken(RefreshToken token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public synchronized Optional<RefreshToken> lockRefreshToken(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public synchronized void spend(String hash, Instant at) {
        var t = tokens.get(hash);
        tokens.put(hash, new RefreshToken(t.hash(), t.sessionId(), t.userId(), t.issuedAt(), t.expiresAt(), at));
    }

    @Override
    public synchronized boolean revoke(UUID sessionId, Instant at, String reason) {
        var session = sessions.get(sessionId);
        if (session == null || session.revokedAt() != null) {
            return false;
        }
        sessions.put(sessionId, new Session(session.userId(), at));
        return true;
    }

    @Override
    public synchronized int revokeAllOf(UUID userId, Instant at, String reason) {
        int revoked = 0;
        for (var entry : sessions.entrySet()) {
            if (entry.getValue().userId().equals(userId) && revoke(entry.getKey(), at, reason)) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public synchronized boolean active(UUID sessionId) {
        var session = sessions.get(sessionId);
        return session != null && session.revokedAt() == null;
    }

    /** Needs the users to say where a session stands, as the database's join does. */
    private Users users;

    public InMemorySessions withUsers(Users users) {
        this.users = users;
        return this;
    }

    private int standingReads;
    private Runnable duringStandingRead = () -> { };

    /** How many times a standing was read from this store. */
    public synchronized int standingReads() {
        return standingReads;
    }

    /** Runs {@code action} in the middle of every standing read (after the row is read, before it is answered). */
    public synchronized void duringStandingRead(Runnable action) {
        this.duringStandingRead = action;
    }

    @Override
    public synchronized Optional<Standing> standing(UUID sessionId) {
        standingReads++;
        var session = sessions.get(sessionId);
        duringStandingRead.run();
        if (session == null) {
            return Optional.empty();
        }
        return users.findById(session.userId()).map(u -> new Standing(u.id(), session.revokedAt() != null, u.status(),
                u.roles(), u.grants()));
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[]{new HashMap<>(sessions), new HashMap<>(tokens)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        var parts = (Object[]) snapshot;
        sessions = (Map<UUID, Session>) parts[0];
        tokens = (Map<String, RefreshToken>) parts[1];
    }
}
