package io.flagtrail.application.service.events;

import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.event.EventTypes;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Event dispatch as an admin sees it. Pausing, resuming and retrying are recorded in the ledger. */
public final class EventDispatchAdminService implements ManageEventDispatchUseCase {

    private static final Subject DISPATCH = new Subject("event-dispatch", "outbox", null);

    private final Outbox outbox;
    private final List<String> handlers;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final DispatchSettings settings;

    public EventDispatchAdminService(Outbox outbox, List<String> handlers, AuditTrail trail,
                                     Transactions transactions, Clock clock,
                                     DispatchSettings settings) {
        this.outbox = outbox;
        this.handlers = List.copyOf(handlers);
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public DispatchStatus status() {
        return transactions.inTransaction(() -> {
            var statuses = outbox.cursors().stream().filter(c -> handlers.contains(c.handler()))
                    .map(c -> new HandlerStatus(c.handler(), c.delivered(), c.failed(), outbox.pendingAfter(c.position()),
                            c.deadLettered(), c.attempts(), c.nextAttemptAt(), c.lastError(), c.lastErrorAt(),
                            c.lastDeliveredAt(), c.recovered()))
                    .toList();
            long lag = outbox.oldestUndelivered(handlers)
                    .map(oldest -> Math.max(0, Duration.between(oldest, clock.now()).toMillis())).orElse(0L);
            return new DispatchStatus(settings.recording(), outbox.paused(), lag, EventTypes.ALL, statuses);
        });
    }

    @Override
    public void pause(Origin origin) {
        switchTo(true, origin);
    }

    @Override
    public void resume(Origin origin) {
        switchTo(false, origin);
    }

    @Override
    public int retryDeadLetters(String handler, Origin origin) {
        requireHandler(handler);
        return transactions.inTransaction(() -> {
            int asked = outbox.requestRetry(handler);
            record(AuditAction.EVENT_DEAD_LETTERS_RETRIED, new Subject("event-handler", handler, null),
                    Map.of("handler", handler, "deadLetters", asked), origin);
            return asked;
        });
    }

    @Override
    public List<DeadLetter> deadLetters(String handler, int limit) {
        requireHandler(handler);
        return transactions.inTransaction(() -> outbox.deadLetters(handler, limit));
    }

    private void switchTo(boolean paused, Origin origin) {
        transactions.inTransaction(() -> {
            if (outbox.paused() != paused) {
                outbox.setPaused(paused);
                record(paused ? AuditAction.EVENT_DISPATCH_PAUSED : AuditAction.EVENT_DISPATCH_RESUMED, DISPATCH,
                        Map.of("paused", paused), origin);
            }
            return null;
        });
    }

    private void requireHandler(String handler) {
        if (!handlers.contains(handler)) {
            throw new NotFound("event_handler.not_found", "no event handler '" + handler + "'; there are " + handlers);
        }
    }

    private void record(AuditAction action, Subject subject, Map<String, Object> after, Origin origin) {
        trail.entry(action, origin).on(subject).severity(Severity.NOTICE).changed(null, after).record();
    }
}
