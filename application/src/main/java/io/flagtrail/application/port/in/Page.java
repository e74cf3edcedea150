package io.flagtrail.application.port.in;

import java.util.List;

/** One page of a keyset-paginated result; {@code nextCursor} is opaque and null on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int MAX_LIMIT = 500;

    public Page {
        items = List.copyOf(items);
    }

    /** A requested page size clamped to 1..{@link #MAX_LIMIT}, 50 when none was asked for. */
    public static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        return Math.max(1, Math.min(MAX_LIMIT, requested));
    }
}
