package io.flagtrail.domain.audit;

import io.flagtrail.domain.actor.Actor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One fact in the ledger: who did what to which subject, when, why, how (the field diff) and from where; what it
 * records also says in which project and environment it applies, where it applies to one ({@link #place()}).
 * Snapshots are plain maps of JSON-friendly values (strings, numbers, booleans, lists, maps) so that any
 * subject type can be recorded and the ledger can hash a canonical form of them. The application writes entries
 * through one collaborator ({@code AuditTrail}); the persistence adapter reads them back.
 */
public record AuditEntry(
        UUID id,
        AuditAction action,
        AuditOutcome outcome,
        Severity severity,
        Actor actor,
        Subject subject,
        String reason,
        Map<String, Object> before,
        Map<String, Object> after,
        List<FieldChange> changes,
        RequestContext context,
        Instant occurredAt) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(occurredAt, "occurredAt");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The project and environment the entry applies to, derived from what it records; null where none. */
    public AuditPlace place() {
        return AuditPlace.of(subject, action, before, after);
    }

    /** The category is the action's: an entry cannot be filed under another. */
    public AuditCategory category() {
        return action.category();
    }
}
