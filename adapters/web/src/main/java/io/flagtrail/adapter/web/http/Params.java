package io.flagtrail.adapter.web.http;

import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/** Parses query parameters, naming the parameter when its value is wrong. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static long positiveLong(String name, String value) {
        if (value == null) {
            throw InvalidInput.of(name, "is required: a positive whole number");
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw InvalidInput.of(name, "must be a positive whole number");
    }

    /**
     * The {@code limit} query parameter: a whole number from 1 to 500, 50 when absent. Bound as text, so that a
     * value that is no int ({@code abc}, {@code 99999999999}) is refused by name instead of quietly read as absent.
     */
    public static int limit(String value) {
        if (value == null || value.isBlank()) {
            return io.flagtrail.application.port.model.Page.limit(null);
        }
        try {
            return io.flagtrail.application.port.model.Page.limit(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return io.flagtrail.application.port.model.Page.limit(-1);
        }
    }

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return io.flagtrail.application.port.in.Instants.require(name, value);
    }
}
