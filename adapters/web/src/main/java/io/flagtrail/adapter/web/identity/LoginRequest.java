package io.flagtrail.adapter.web.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The body of {@code POST /api/v1/auth/login}. */
@Serdeable
public record LoginRequest(@Nullable String email, @Nullable String password) {

    @Override
    public String toString() {
        return "LoginRequest[email=" + email + ", password=***]";
    }
}
