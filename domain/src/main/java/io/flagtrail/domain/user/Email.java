package io.flagtrail.domain.user;

import io.flagtrail.domain.error.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, compared without regard to case: stored in the case it was given, matched in lower case. */
public record Email(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,255}$");

    public Email {
        if (value == null || value.length() > 320 || !SHAPE.matcher(value.strip()).matches()) {
            throw InvalidInput.of("email", "must be an e-mail address");
        }
        value = value.strip();
    }

    /** The form used for uniqueness and look-up. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }
}
