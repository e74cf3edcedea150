package io.flagtrail.application.port.in;

import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.user.User;
import java.util.Collection;
import java.util.UUID;

/** The use cases of a login session, from its start to its end; one service serves them all. */
public final class SessionUseCases {

    private SessionUseCases() {
    }

    /** Starts a session for a user who has just logged in. */
    public interface StartSessionUseCase {
        IssuedSession start(User user, RequestContext context);
    }

    /**
     * Spends a refresh token for the next one. A token spent before is a theft signal: the whole session is revoked
     * and the answer is 401, also for whoever holds the newer token.
     */
    public interface RefreshSessionUseCase {
        IssuedSession refresh(String refreshToken, RequestContext context);
    }

    /** Logs out: the session and every token of it end now. */
    public interface EndSessionUseCase {
        void logOut(UUID sessionId, Origin origin);
    }

    /**
     * Checked on every authenticated request: the user is still active, still has the roles and grants the token
     * claims, and the session is not revoked; else {@code Unauthenticated}. So disabling, a role or grant change or a
     * logout takes effect on the very next request, not when the access token expires. {@code tokenAccess} is what the
     * token claims: its roles' names and its grants as written ({@code EDITOR@web/development}).
     */
    public interface CheckSessionUseCase {
        void check(UUID userId, UUID sessionId, Collection<String> tokenAccess);

        /**
         * The same check where it can be answered without blocking (the session's standing is in this instance's
         * memory): true when it passed, {@code Unauthenticated} when it failed, false when it could not be answered
         * so, and {@link #check} must be called where blocking is allowed. Lets the caller skip a thread hop.
         */
        boolean checkWithoutBlocking(UUID userId, UUID sessionId, Collection<String> tokenAccess);
    }
}
