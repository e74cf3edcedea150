package io.flagtrail.domain.project;

import io.flagtrail.domain.error.InvalidInput;
import java.util.Arrays;
import java.util.Locale;

/** What an environment is for; reviewers filter production changes by it, and policies (change requests) key on it. */
public enum EnvironmentType {
    DEVELOPMENT, TEST, STAGING, PRODUCTION;

    /** The type named in input, in any letter case; a clear error naming the choices otherwise. */
    public static EnvironmentType of(String field, String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInput.of(field, "must be one of " + Arrays.toString(values()).toLowerCase(Locale.ROOT));
        }
    }
}
