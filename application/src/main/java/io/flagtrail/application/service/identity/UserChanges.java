package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import io.flagtrail.domain.event.EventTypes;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserAction;
import io.flagtrail.domain.user.UserChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Records what a change did to a user, in the caller's transaction: its audit entries (category SECURITY, the account
 * before and after, never the password hash) and its event in the outbox. A role change is one entry per role granted
 * or revoked, so that a reviewer can ask "who was given ADMIN" directly; a grant in a project or environment likewise
 * (ROLE_GRANTED, ROLE_REVOKED), the snapshots' {@code grants} naming where. Password changes publish no event.
 */
public final class UserChanges {

    private final AuditTrail trail;
    private final EventPublisher events;
    private final Clock clock;
    private final IdGenerator ids;

    public UserChanges(AuditTrail trail, EventPublisher events, Clock clock, IdGenerator ids) {
        this.trail = trail;
        this.events = events;
        this.clock = clock;
        this.ids = ids;
    }

    void record(UserChanged change, Origin origin, String reason) {
        var before = change.before() == null ? null : change.before().snapshot();
        var after = change.after().snapshot();
        if (change.action() == UserAction.GRANTS_CHANGED) {
            recordGrants(change, origin, reason);
        } else {
            for (var action : actions(change)) {
                trail.entry(action, origin).on(subject(change.after())).severity(Severity.NOTICE).reason(reason)
                        .changed(before, after).record();
            }
        }
        var type = eventType(change);
        if (type != null) {
            var payload = new LinkedHashMap<String, Object>();
            payload.put("id", change.after().id().toString());
            payload.putAll(after);
            events.publish(List.of(new DomainEvent(ids.newId(), type, clock.now(), subject(change.after()),
                    Map.of("user", payload))));
        }
    }

    /**
     * One entry per grant added or removed, each stepping the user's grants by that one grant (before and after), so
     * that every entry says by its hashed snapshots alone which grant it records, and so in which place
     * ({@code AuditPlace}): "who was given EDITOR in production" is a filter, and an evidence bundle can prove it.
     */
    private void recordGrants(UserChanged change, Origin origin, String reason) {
        var user = change.after();
        var held = new TreeSet<>(change.before().grants());
        for (var grant : change.grantsAdded()) {
            var before = user.snapshotWith(held);
            held.add(grant);
            trail.entry(AuditAction.ROLE_GRANTED, origin).on(subject(user)).severity(Severity.NOTICE).reason(reason)
                    .changed(before, user.snapshotWith(held)).record();
        }
        for (var grant : change.grantsRemoved()) {
            var before = user.snapshotWith(held);
            held.remove(grant);
            trail.entry(AuditAction.ROLE_REVOKED, origin).on(subject(user)).severity(Severity.NOTICE).reason(reason)
                    .changed(before, user.snapshotWith(held)).record();
        }
    }

    private static List<AuditAction> actions(UserChanged change) {
        return switch (change.action()) {
            case CREATED -> List.of(AuditAction.USER_CREATED);
            case ROLES_CHANGED -> Stream.concat(
                    change.granted().stream().map(role -> AuditAction.ROLE_GRANTED),
                    change.revoked().stream().map(role -> AuditAction.ROLE_REVOKED)).toList();
            case GRANTS_CHANGED -> List.of(); // recorded per grant, above
            case DISABLED -> List.of(AuditAction.USER_DISABLED);
            case ENABLED -> List.of(AuditAction.USER_ENABLED);
            case PASSWORD_RESET -> List.of(AuditAction.PASSWORD_RESET);
            case PASSWORD_CHANGED -> List.of(AuditAction.PASSWORD_CHANGED);
        };
    }

    private static String eventType(UserChanged change) {
        return switch (change.action()) {
            case CREATED -> EventTypes.USER_CREATED;
            case ROLES_CHANGED, GRANTS_CHANGED -> EventTypes.USER_ROLES_CHANGED;
            case DISABLED -> EventTypes.USER_DISABLED;
            case ENABLED -> EventTypes.USER_ENABLED;
            case PASSWORD_RESET, PASSWORD_CHANGED -> null;
        };
    }

    static Subject subject(User user) {
        return new Subject("user", user.id().toString(), user.email().value());
    }
}
