package io.flagtrail.application.port.in;

import io.flagtrail.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/** A session handed to a client: who, which session (named in every access token), and its next refresh token. */
public record IssuedSession(User user, UUID sessionId, String refreshToken, Instant refreshExpiresAt) {

    @Override
    public String toString() {
        return "IssuedSession[user=" + user.id() + ", sessionId=" + sessionId + ", refreshToken=***]";
    }
}
