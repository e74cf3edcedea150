package io.flagtrail.domain.user;

/** What a change did to a user account. */
public enum UserAction {
    CREATED,
    ROLES_CHANGED,
    GRANTS_CHANGED,
    DISABLED,
    ENABLED,
    PASSWORD_RESET,
    PASSWORD_CHANGED;

    /** Disabling an account or replacing its password must end every session it has: the old holder is out. */
    public boolean endsSessions() {
        return this == DISABLED || this == PASSWORD_RESET || this == PASSWORD_CHANGED;
    }
}
