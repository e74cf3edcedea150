package io.flagtrail.application.port.in;

import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The instants every driving adapter accepts: RFC 3339 date-times, whose year has four digits (0001 to 9999).
 * Java's ISO parser also takes years such as {@code +999999999}, which no database column holds (PostgreSQL refused
 * them with a server error, found by the OpenAPI fuzz test); they are refused with the rest of what is not RFC 3339.
 */
public final class Instants {

    public static final String EXPECTED = "must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z";

    private Instants() {
    }

    /** The instant {@code text} names, or empty when it is not an RFC 3339 date-time. */
    public static Optional<Instant> parse(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text.strip()).toInstant();
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            return year >= 1 && year <= 9999 ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The instant {@code text} names; anything else is refused as invalid input naming {@code field}. */
    public static Instant require(String field, String text) {
        return parse(text).orElseThrow(() -> InvalidInput.of(field, EXPECTED));
    }
}
