package io.flagtrail.application.service;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditOutcome;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The one shape of an administrative audit entry: who changed which subject from what to what, and why. */
final class AuditEntries {

    private AuditEntries() {
    }

    /** A successful change of {@code subject}, with the snapshots before (null when created) and after and their diff. */
    static AuditEntry change(UUID id, AuditAction action, Severity severity, Subject subject, String reason,
                             Map<String, Object> before, Map<String, Object> after, Origin origin, Instant at) {
        return new AuditEntry(id, action.category(), action, AuditOutcome.SUCCESS, severity, origin.actor(), subject,
                reason, before, after, FieldChange.between(before, after, Set.of()), origin.context(), at);
    }
}
