package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.IssuedSession;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.SessionUseCases.CheckSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.EndSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.RefreshSessionUseCase;
import io.flagtrail.application.port.in.SessionUseCases.StartSessionUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Sessions;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;

/**
 * Login sessions with opaque rotating refresh tokens ({@code ftr_} + 256 random bits; only their SHA-256 is stored).
 * Refreshing locks the token's row, so of concurrent refreshes with one token exactly one spends it; the others
 * present a spent token, which revokes the session. Start, refresh, reuse and logout are recorded in the ledger.
 * Ending a session is announced to every instance and returns only once they have heard it (see
 * {@link StandingNotices}), so the next request with its access token is refused wherever it arrives.
 */
public final class SessionService
        implements StartSessionUseCase, RefreshSessionUseCase, EndSessionUseCase, CheckSessionUseCase {

    static final String PREFIX = "ftr_";

    private final Sessions sessions;
    private final StandingNotices notices;
    private final Users users;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final Duration refreshLifetime;

    public SessionService(Sessions sessions, StandingNotices notices, Users users, AuditTrail trail,
                          Transactions transactions, Clock clock, IdGenerator ids, Duration refreshLifetime) {
        this.sessions = sessions;
        this.notices = notices;
        this.users = users;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.refreshLifetime = refreshLifetime;
    }

    @Override
    public IssuedSession start(User user, RequestContext context) {
        return transactions.inTransaction(() -> {
            var sessionId = ids.newId();
            sessions.start(sessionId, user.id(), clock.now());
            return issue(user, sessionId);
        });
    }

    @Override
    public IssuedSession refresh(String refreshToken, RequestContext context) {
        if (refreshToken == null || !refreshToken.startsWith(PREFIX) || refreshToken.length() > 100) {
            throw invalid();
        }
        String hash = SecretTokens.sha256(refreshToken);
        var reused = new boolean[1];
        var issued = transactions.inTransaction(() -> {
            var now = clock.now();
            var stored = sessions.lockRefreshToken(hash).orElse(null);
            if (stored == null) {
                return null;
            }
            var user = users.findById(stored.userId()).orElse(null);
            if (stored.usedAt() != null) {
                sessions.revoke(stored.sessionId(), now, "refresh token reused");
                notices.announce();
                reused[0] = true;
                record(AuditAction.TOKEN_REUSE_DETECTED, AuditOutcome.FAILURE, Severity.CRITICAL, user,
                        stored.userId(), stored.sessionId(), "a spent refresh token was presented again: session revoked",
                        context);
                return null;
            }
            if (!now.isBefore(stored.expiresAt()) || !sessions.active(stored.sessionId())
                    || user == null || !user.canLogIn()) {
                return null;
            }
            sessions.spend(hash, now);
            record(AuditAction.TOKEN_REFRESHED, AuditOutcome.SUCCESS, Severity.INFO, user, user.id(),
                    stored.sessionId(), null, context);
            return issue(user, stored.sessionId());
        });
        if (reused[0]) {
            notices.awaitHeard();
        }
        if (issued == null) {
            throw invalid();
        }
        return issued;
    }

    @Override
    public void logOut(UUID sessionId, Origin origin) {
        boolean ended = transactions.inTransaction(() -> {
            if (!sessions.revoke(sessionId, clock.now(), "logged out")) {
                return false;
            }
            notices.announce();
            var userId = UUID.fromString(origin.actor().id());
            record(AuditAction.LOGOUT, AuditOutcome.SUCCESS, Severity.INFO, users.findById(userId).orElse(null),
                    userId, sessionId, null, origin.context());
            return true;
        });
        if (ended) {
            notices.awaitHeard();
        }
    }

    @Override
    public void check(UUID userId, UUID sessionId, Collection<String> tokenAccess) {
        judge(sessionId == null ? null : sessions.standing(sessionId).orElse(null), userId, tokenAccess);
    }

    @Override
    public boolean checkWithoutBlocking(UUID userId, UUID sessionId, Collection<String> tokenAccess) {
        if (sessionId == null) {
            throw ended();
        }
        var standing = sessions.remembered(sessionId);
        standing.ifPresent(s -> judge(s, userId, tokenAccess));
        return standing.isPresent();
    }

    private static void judge(Sessions.Standing standing, UUID userId, Collection<String> tokenAccess) {
        if (standing == null || standing.revoked() || !standing.userId().equals(userId)
                || standing.status() != UserStatus.ACTIVE) {
            throw ended();
        }
        if (!standing.access().equals(Set.copyOf(tokenAccess))) {
            throw ended();
        }
    }

    private IssuedSession issue(User user, UUID sessionId) {
        String token = SecretTokens.create(PREFIX);
        var now = clock.now();
        var expires = now.plus(refreshLifetime);
        sessions.addRefreshToken(new Sessions.RefreshToken(SecretTokens.sha256(token), sessionId, user.id(), now, expires, null));
        return new IssuedSession(user, sessionId, token, expires);
    }

    private void record(AuditAction action, AuditOutcome outcome, Severity severity, User user, UUID userId,
                        UUID sessionId, String why, RequestContext context) {
        var after = new LinkedHashMap<String, Object>();
        after.put("sessionId", sessionId.toString());
        if (why != null) {
            after.put("reason", why);
        }
        var actor = user == null ? new Actor(ActorType.USER, userId.toString(), null, null) : user.asActor();
        trail.entry(action, actor, context).outcome(outcome).severity(severity)
                .on(new Subject("user", userId.toString(), user == null ? null : user.email().value())).details(after)
                .record();
    }

    private static Unauthenticated invalid() {
        return new Unauthenticated("auth.invalid_refresh_token", "the refresh token is not valid; log in again");
    }

    private static Unauthenticated ended() {
        return new Unauthenticated("auth.session_ended", "the session has ended; log in again");
    }
}
