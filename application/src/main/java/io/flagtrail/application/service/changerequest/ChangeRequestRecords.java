package io.flagtrail.application.service.changerequest;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestAction;
import io.flagtrail.domain.changerequest.ChangeRequestChanged;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.event.EventTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records each step of a change request, in the caller's transaction: one audit entry (subject {@code change-request},
 * placed in its environment, the request before and after) and one event on the outbox, for chat and webhook
 * integrations. A rejection, withdrawal, conflict or application is worth a reviewer's notice.
 */
final class ChangeRequestRecords {

    private final AuditTrail trail;
    private final EventPublisher events;
    private final IdGenerator ids;
    private final AppLogger log;

    ChangeRequestRecords(AuditTrail trail, EventPublisher events, IdGenerator ids, AppLogger log) {
        this.trail = trail;
        this.events = events;
        this.ids = ids;
        this.log = log;
    }

    void record(ChangeRequestChanged step, Origin origin) {
        var after = step.after();
        var snapshot = after.snapshot();
        trail.entry(AuditAction.valueOf("CHANGE_REQUEST_" + step.action().name()), origin).on(subject(after))
                .severity(severity(step.action())).reason(reason(step))
                .changed(step.before() == null ? null : step.before().snapshot(), snapshot).at(after.updatedAt())
                .record();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("id", after.id().toString());
        payload.putAll(snapshot);
        var actor = origin.actor();
        payload.put("actor", Map.of("type", actor.type().name(), "id", actor.id(), "displayName", actor.displayName()));
        events.publish(List.of(new DomainEvent(ids.newId(), EventTypes.of(step.action()), after.updatedAt(),
                subject(after), Map.of("changeRequest", payload), after.scope())));
        log.info("change request step", "id", after.id().toString(), "action", step.action(), "state", after.state(),
                "project", after.scope().project().value(), "environment", after.scope().environment().value(),
                "actor", actor.reference());
    }

    private static Subject subject(ChangeRequest request) {
        return new Subject(ChangeRequest.SUBJECT_TYPE, request.id().toString(), request.scope().toString());
    }

    /** What the person said: an approval's comment, a rejection's or withdrawal's reason, what a conflict found. */
    private static String reason(ChangeRequestChanged step) {
        var after = step.after();
        if (step.action() == ChangeRequestAction.APPROVED || step.action() == ChangeRequestAction.SIGNED_OFF) {
            return after.approvals().getLast().comment();
        }
        return switch (step.action()) {
            case REJECTED, WITHDRAWN, CANCELLED, CONFLICTED, BREAK_GLASS -> after.decision();
            default -> null;
        };
    }

    /** A break-glass change went around the four eyes: the loudest entry there is, until it is reviewed. */
    private static Severity severity(ChangeRequestAction action) {
        return switch (action) {
            case BREAK_GLASS -> Severity.CRITICAL;
            case REJECTED, WITHDRAWN, CANCELLED, CONFLICTED, APPLIED, SIGNED_OFF -> Severity.NOTICE;
            default -> Severity.INFO;
        };
    }
}
