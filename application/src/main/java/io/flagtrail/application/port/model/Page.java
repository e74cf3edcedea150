package io.flagtrail.application.port.model;

import java.util.List;

/** One page of a keyset-paginated result; {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** A requested page size, 50 when none was asked for; outside 1..{@link #MAX_LIMIT} it is refused, not clamped. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw io.flagtrail.domain.error.InvalidInput.of("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        }
        return requested;
    }
}
