package io.flagtrail.domain.change;

import io.flagtrail.domain.error.InvalidInput;

/** Why a change was made, in the actor's words; at most 500 characters. */
public record Reason(String text) {

    public static final int MAX_LENGTH = 500;

    public Reason {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH || Text.hasControlCharacters(text, true)) {
            throw InvalidInput.of("reason", "must be 1-" + MAX_LENGTH + " characters without control characters");
        }
    }

    /**
     * A reason the system words (a clone's, a change request's): cut to {@link #MAX_LENGTH} with an ellipsis when a
     * person's words in it make it longer.
     */
    public static Reason clipped(String text) {
        return new Reason(text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…");
    }

    /** A reason from optional input: null or blank means none was given. */
    public static Reason ofNullable(String text) {
        return text == null || text.isBlank() ? null : new Reason(text.strip());
    }
}
