package io.flagtrail.domain.ledger;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.change.Reason;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps every ledger entry about one subject out of retention purges until it is released: entries whose
 * subject type matches and whose subject id or key equals {@code subjectId}. A released hold stays on record.
 */
public record LegalHold(UUID id, String subjectType, String subjectId, String reason, Instant placedAt, String placedBy,
                        Instant releasedAt, String releasedBy) {

    public LegalHold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(placedBy, "placedBy");
        new Violations()
                .check(subjectType != null && subjectType.matches("[a-z][a-z0-9_-]{0,31}"), "subjectType",
                        "must be a subject type such as feature or user")
                .check(subjectId != null && !subjectId.isBlank() && subjectId.length() <= 320, "subjectId",
                        "must be the subject's id or key (1 to 320 characters)")
                .include(() -> new Reason(reason))
                .throwIfAny();
    }

    public static LegalHold place(UUID id, String subjectType, String subjectId, String reason, Instant at, String by) {
        return new LegalHold(id, subjectType, subjectId == null ? null : subjectId.strip(), reason, at, by, null, null);
    }

    public boolean active() {
        return releasedAt == null;
    }

    /** The same hold, released; releasing twice is a conflict, not a silent no-op, so the trail never says it twice. */
    public LegalHold release(Instant at, String by) {
        if (!active()) {
            throw new Conflict("legal_hold.released", "legal hold " + id + " was already released");
        }
        return new LegalHold(id, subjectType, subjectId, reason, placedAt, placedBy, at, by);
    }
}
