package io.flagtrail.application.service.events;

import io.flagtrail.application.port.in.DispatchEventsUseCase;
import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.application.port.out.Transactions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers the outbox to every handler, each on its own: a cursor per handler, locked while one instance delivers a
 * batch, moved only past what the handler accepted, so that a crash before the move means redelivery (at least
 * once). A failing event is retried with a doubling backoff and dead-lettered after the last attempt, and only that
 * handler waits meanwhile; a slow handler holds only its own cursor.
 */
public final class DispatchEventsService implements DispatchEventsUseCase {

    private static final int MAX_ERROR = 2000;

    private final Outbox outbox;
    private final Map<String, EventHandler> handlers = new LinkedHashMap<>();
    private final Transactions transactions;
    private final Clock clock;
    private final DispatchSettings settings;

    public DispatchEventsService(Outbox outbox, List<EventHandler> handlers, Transactions transactions, Clock clock,
                                 DispatchSettings settings) {
        this.outbox = outbox;
        handlers.stream().sorted(java.util.Comparator.comparing(EventHandler::name)).forEach(h -> {
            if (this.handlers.put(h.name(), h) != null) {
                throw new IllegalStateException("two event handlers are named " + h.name());
            }
        });
        this.transactions = transactions;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<String> handlers() {
        return List.copyOf(handlers.keySet());
    }

    @Override
    public void registerHandlers() {
        transactions.inTransaction(() -> {
            handlers.keySet().forEach(outbox::register);
            return null;
        });
    }

    @Override
    public int stampPending() {
        return transactions.inTransaction(() -> outbox.tryLeadStamping() ? outbox.stamp(settings.batch() * 10) : 0);
    }

    @Override
    public DeliveryRound deliver(String name) {
        var handler = handlers.get(name);
        if (handler == null) {
            throw new IllegalArgumentException("no event handler " + name);
        }
        return transactions.inTransaction(() -> {
            if (outbox.paused()) {
                return new DeliveryRound(name, 0, 0, 0, true);
            }
            var locked = outbox.lock(name);
            if (locked.isEmpty()) {
                return new DeliveryRound(name, 0, 0, 0, true);
            }
            var round = new Tally(locked.get());
            retryDeadLetters(handler, round);
            Instant now = clock.now();
            boolean backingOff = round.cursor.nextAttemptAt() != null && now.isBefore(round.cursor.nextAttemptAt());
            if (!backingOff) {
                deliverStream(handler, round, now);
            }
            outbox.save(round.cursor);
            return new DeliveryRound(name, round.delivered, round.failed, round.dead, backingOff && round.delivered == 0);
        });
    }

    @Override
    public int cleanUp() {
        return transactions.inTransaction(() ->
                outbox.deleteDelivered(handlers.keySet(), clock.now().minus(settings.keep()), settings.batch() * 10));
    }

    private void deliverStream(EventHandler handler, Tally round, Instant now) {
        for (var stored : outbox.after(round.cursor.position(), settings.batch())) {
            try {
                handler.handle(stored.event());
                round.cursor = round.cursor.delivered(stored.position(), now);
                round.delivered++;
            } catch (Exception e) {
                round.failed++;
                int attempts = round.cursor.attempts() + 1;
                String error = describe(e);
                if (attempts < settings.maxAttempts()) {
                    round.cursor = round.cursor.failed(attempts, now.plus(settings.backoff(attempts)), error, now);
                    return;
                }
                outbox.deadLetter(new DeadLetter(handler.name(), stored.position(), stored.event(), attempts, error,
                        now, false));
                round.cursor = round.cursor.deadLettered(stored.position(), error, now);
                round.dead++;
            }
        }
    }

    private void retryDeadLetters(EventHandler handler, Tally round) {
        for (var letter : outbox.retrying(handler.name(), settings.batch())) {
            try {
                handler.handle(letter.event());
                outbox.settleRetry(letter, true, null);
                round.cursor = round.cursor.redelivered(clock.now());
                round.delivered++;
            } catch (Exception e) {
                outbox.settleRetry(letter, false, describe(e));
                round.cursor = round.cursor.failedAgain(describe(e), clock.now());
                round.failed++;
            }
        }
    }

    private static String describe(Exception e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }

    /** One round's running state. */
    private static final class Tally {
        Outbox.Cursor cursor;
        int delivered;
        int failed;
        int dead;

        Tally(Outbox.Cursor cursor) {
            this.cursor = cursor;
        }
    }
}
