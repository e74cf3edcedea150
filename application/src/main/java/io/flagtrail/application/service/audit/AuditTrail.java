package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way the application writes the audit trail. A service names the action and who did it; the entry takes
 * its id and time here, its category from the action, and is appended inside the caller's transaction, so a change
 * and its entry commit together or not at all.
 *
 * <pre>{@code
 * trail.entry(AuditAction.USER_DISABLED, origin).on(subject).severity(Severity.NOTICE).changed(before, after).record();
 * }</pre>
 */
public final class AuditTrail {

    /** The subject of a read of the trail: reads never crowd a feature's history. */
    static final Subject TRAIL = new Subject("audit-trail", "ledger", null);

    private final AuditLedger ledger;
    private final Clock clock;
    private final IdGenerator ids;

    public AuditTrail(AuditLedger ledger, Clock clock, IdGenerator ids) {
        this.ledger = ledger;
        this.clock = clock;
        this.ids = ids;
    }

    /** An entry for {@code action} by the origin's actor, from its request, at the current time. */
    public Entry entry(AuditAction action, Origin origin) {
        return entry(action, origin.actor(), origin.context());
    }

    public Entry entry(AuditAction action, Actor actor, RequestContext context) {
        return new Entry(action, actor, context);
    }

    /**
     * A read of the trail (category ACCESS, as PCI DSS 10.2.1.3 asks): who read, what they asked for, when and from
     * where. A read that cannot be recorded does not happen: call it inside the read's transaction.
     */
    public void read(AuditAction action, Origin origin, Map<String, Object> request) {
        read(action, origin, request, Severity.INFO);
    }

    public void read(AuditAction action, Origin origin, Map<String, Object> request, Severity severity) {
        entry(action, origin).on(TRAIL).severity(severity).details(request).record();
    }

    /** Appends entries built with {@link Entry#build()}, in order, as one batch. */
    public void record(List<AuditEntry> entries) {
        ledger.append(entries);
    }

    /** One entry being described: success at severity INFO unless said otherwise. */
    public final class Entry {

        private final AuditAction action;
        private final Actor actor;
        private final RequestContext context;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private Severity severity = Severity.INFO;
        private Subject subject;
        private String reason;
        private Map<String, Object> before;
        private Map<String, Object> after;
        private List<FieldChange> changes = List.of();
        private Instant at;

        private Entry(AuditAction action, Actor actor, RequestContext context) {
            this.action = Objects.requireNonNull(action, "action");
            this.actor = actor;
            this.context = context;
        }

        public Entry on(Subject subject) {
            this.subject = subject;
            return this;
        }

        /** The attempt was refused or failed (a wrong password, a denied route). */
        public Entry failed() {
            this.outcome = AuditOutcome.FAILURE;
            return this;
        }

        public Entry outcome(AuditOutcome outcome) {
            this.outcome = outcome;
            return this;
        }

        public Entry severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Entry reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** The subject's snapshots before (null when created) and after, and their field-by-field diff. */
        public Entry changed(Map<String, Object> before, Map<String, Object> after) {
            return changed(before, after, FieldChange.between(before, after, Set.of()));
        }

        /** As {@link #changed(Map, Map)}, with a diff the caller already has (an aggregate's event carries one). */
        public Entry changed(Map<String, Object> before, Map<String, Object> after, List<FieldChange> changes) {
            this.before = before;
            this.after = after;
            this.changes = changes;
            return this;
        }

        /** What the attempt was about, where nothing changed (a login, a read): recorded as "after", with no diff. */
        public Entry details(Map<String, Object> details) {
            this.after = details;
            return this;
        }

        /** When it happened, where that is not now (an aggregate stamped its change). */
        public Entry at(Instant at) {
            this.at = at;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(ids.newId(), action, outcome, severity, actor, subject, reason, before, after, changes,
                    context, at == null ? clock.now() : at);
        }

        public void record() {
            ledger.append(List.of(build()));
        }
    }
}
