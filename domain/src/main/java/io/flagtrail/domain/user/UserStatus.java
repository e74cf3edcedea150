package io.flagtrail.domain.user;

/** Whether a user may log in. */
public enum UserStatus {
    ACTIVE, DISABLED, LOCKED
}
