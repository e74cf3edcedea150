package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.Cursors;
import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The order audit entries are listed and exported in: newest first by the time of the change, entries of the same
 * instant by seq (ADR 0009). Every filter's index ends with {@code (occurred_at, seq)}, so each page, and each time
 * range's first page, is one backward range of an index: no walk down the table filtered on time. A cursor is the
 * last entry's {@code seq@occurredAt}.
 */
final class AuditOrder {

    static final String NEWEST_FIRST = " ORDER BY occurred_at DESC, seq DESC";

    private AuditOrder() {
    }

    static String sortKey(Instant occurredAt, long seq) {
        return seq + "@" + occurredAt;
    }

    /** Appends the condition "listed after the cursor's entry", and its arguments. */
    static void after(String cursor, StringBuilder select, List<Object> args) {
        String key = Cursors.decode(cursor);
        int at = key.indexOf('@');
        try {
            long seq = Long.parseLong(key.substring(0, Math.max(at, 0)));
            var occurredAt = Instant.parse(key.substring(at + 1));
            select.append(" AND (occurred_at, seq) < (?, ?)");
            args.add(occurredAt.atOffset(ZoneOffset.UTC));
            args.add(seq);
        } catch (NumberFormatException | DateTimeParseException e) {
            // a cursor from before this order (a bare seq) included: start the listing again
            throw InvalidInput.of("cursor", "is not a cursor this service handed out");
        }
    }
}
