package io.flagtrail.domain.user;

import io.flagtrail.domain.error.InvalidInput;

/**
 * What a new password must be: 12 to 256 characters, taken as given (never truncated or case-folded; any character,
 * including spaces and emoji, counts). Whether it is a known breached password is the block-list's to say.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;

    private PasswordRules() {
    }

    /** Checks a new password, naming {@code field} when it breaks a rule. */
    public static void check(char[] password, String field) {
        int length = password == null ? 0 : Character.codePointCount(password, 0, password.length);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw InvalidInput.of(field, "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
    }
}
