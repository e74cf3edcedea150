package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.ledger.LedgerTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Audit entries read back from the lines of an export or a bundle (the hashed fields of each), and a query over a
 * list of them: what lets the change-management report be computed from a bundle's entries as from the ledger.
 */
final class EntryLines {

    private final List<AuditEntry> entries = new ArrayList<>();

    /** Keeps the entry a line holds. */
    @SuppressWarnings("unchecked")
    void add(Map<String, Object> line) {
        var actor = (Map<String, Object>) line.get("actor");
        var subject = (Map<String, Object>) line.get("subject");
        var context = (Map<String, Object>) line.get("context");
        var changes = new ArrayList<FieldChange>();
        if (line.get("changes") instanceof List<?> listed) {
            for (var change : listed) {
                var field = (Map<String, Object>) change;
                changes.add(new FieldChange((String) field.get("field"), field.get("from"), field.get("to")));
            }
        }
        entries.add(new AuditEntry(UUID.fromString((String) line.get("id")),
                AuditAction.valueOf((String) line.get("action")), AuditOutcome.valueOf((String) line.get("outcome")),
                Severity.valueOf((String) line.get("severity")),
                new Actor(ActorType.valueOf((String) actor.get("type")), (String) actor.get("id"),
                        (String) actor.get("displayName"), (String) actor.get("email")),
                new Subject((String) subject.get("type"), (String) subject.get("id"), (String) subject.get("key")),
                (String) line.get("reason"), (Map<String, Object>) line.get("before"),
                (Map<String, Object>) line.get("after"), changes,
                new RequestContext((String) context.get("requestId"), (String) context.get("traceparent"),
                        Channel.valueOf((String) context.get("channel")), (String) context.get("ip"),
                        (String) context.get("userAgent")),
                LedgerTime.parse((String) line.get("occurredAt"))));
    }

    /**
     * The kept entries that match the parts of a query the report asks (subject, place, period), newest first, in
     * one page.
     */
    Page<AuditEntry> query(AuditQuery q) {
        var matching = entries.stream()
                .filter(e -> q.subjectType() == null || q.subjectType().equals(e.subject().type()))
                .filter(e -> q.subjectId() == null || q.subjectId().equals(e.subject().id()))
                .filter(e -> q.project() == null || e.place() != null && q.project().equals(e.place().project()))
                .filter(e -> q.environment() == null || e.place() != null
                        && Objects.equals(q.environment(), e.place().environment()))
                .filter(e -> q.from() == null || !e.occurredAt().isBefore(q.from()))
                .filter(e -> q.to() == null || e.occurredAt().isBefore(q.to()))
                .sorted(Comparator.comparing(AuditEntry::occurredAt).reversed()).toList();
        return new Page<>(matching, null);
    }
}
