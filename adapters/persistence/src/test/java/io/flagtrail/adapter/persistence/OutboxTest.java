package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.events.OutboxEventPublisher;
import io.flagtrail.application.contract.Samples.RandomIds;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.service.events.DispatchEventsService;
import io.flagtrail.application.service.events.DispatchSettings;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox on a real database (PostgreSQL and H2 by the subclasses), driven by the real dispatch service: events
 * commit with their change, get positions in commit order, reach each handler once in effect however often they
 * arrive, and a handler's cursor is held by one instance at a time. Each test uses handlers of its own.
 */
abstract class OutboxTest extends DatabaseTest {

    /** A simulated process death: not an Exception, so the dispatcher does not treat it as a handler failure. */
    static final class Crash extends Error {
        Crash() {
            super("process died after the handler ran");
        }
    }

    /** Dedupes on the event id; can crash once after its effect, or fail every time. */
    static final class Recording implements EventHandler {
        final String name = "h-" + UUID.randomUUID();
        final LinkedHashSet<UUID> effects = new LinkedHashSet<>();
        final List<UUID> arrivals = new ArrayList<>();
        boolean crashOnce;
        boolean failing;

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized void handle(DomainEvent event) {
            arrivals.add(event.eventId());
            if (failing) {
                throw new IllegalStateException("downstream refused");
            }
            effects.add(event.eventId());
            if (crashOnce) {
                crashOnce = false;
                throw new Crash();
            }
        }
    }

    @jakarta.inject.Inject Sql sql;
    @jakarta.inject.Inject JsonColumns json;
    final Recording first = new Recording();
    final Recording second = new Recording();
    DispatchEventsService dispatch;

    @BeforeEach
    void dispatcher() {
        dispatch = dispatcher(List.of(first, second), 10);
        dispatch.registerHandlers();
        drain();
    }

    @Test
    void a_change_commits_its_event_and_every_handler_receives_it() {
        var key = uniqueKey();
        recorder().create(command(key, "launch"));

        drain();

        var received = received(first, key.value());
        assertEquals(1, received.size());
        assertEquals("FeatureCreated", received.getFirst().type());
        assertEquals(io.flagtrail.application.contract.Samples.SOLO, received.getFirst().scope(),
                "the event keeps the environment it happened in through the outbox");
        assertEquals(List.copyOf(first.effects), List.copyOf(second.effects));
    }

    @Test
    void with_events_switched_off_a_change_records_no_event_and_its_audit_entry_all_the_same() {
        var off = new OutboxEventPublisher(sql, json, false);
        var recorder = io.flagtrail.application.fakes.Wiring.featureCommands(features, projects, ledger, off, transactions, Instant::now, new RandomIds(), new io.flagtrail.application.fakes.RecordingLogger(), new io.flagtrail.application.fakes.CountingMetrics());
        var key = uniqueKey();
        recorder.create(command(key, null));

        drain();

        assertTrue(received(first, key.value()).isEmpty(), "no event was recorded");
        var id = io.flagtrail.application.contract.Samples.stored(features, key).orElseThrow().id().toString();
        assertEquals(1, ledger.query(io.flagtrail.application.port.model.AuditQuery.forSubject("feature", id, 10, null))
                .items().size(), "the audit trail is never affected");
    }

    @Test
    void a_change_that_fails_publishes_nothing() {
        var key = uniqueKey();
        var create = recorder();
        create.create(command(key, null));
        assertThrows(Conflict.class, () -> create.create(command(key, null)));

        drain();

        assertEquals(1, received(first, key.value()).size());
    }

    @Test
    void an_event_that_commits_late_is_not_skipped_by_a_cursor_that_moved_on() throws Exception {
        var slow = event();
        var fast = event();
        var published = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var late = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            events.publish(List.of(slow));
            published.countDown();
            await(commit);
            return null;
        }));
        assertTrue(published.await(10, TimeUnit.SECONDS));
        transactions.inTransaction(() -> {
            events.publish(List.of(fast));
            return null;
        });
        drain();
        assertTrue(first.effects.contains(fast.eventId()));

        commit.countDown();
        late.get(10, TimeUnit.SECONDS);
        drain();

        assertTrue(first.effects.contains(slow.eventId()), "the late event was stamped after the cursor and delivered");
    }

    @Test
    void a_crash_between_delivery_and_marking_it_redelivers_and_the_effect_happens_once() {
        var event = event();
        transactions.inTransaction(() -> {
            events.publish(List.of(event));
            return null;
        });
        dispatch.stampPending();
        first.crashOnce = true;

        assertThrows(Crash.class, () -> dispatch.deliver(first.name()));
        dispatch.deliver(first.name());

        assertEquals(2, first.arrivals.stream().filter(event.eventId()::equals).count(), "delivered again");
        assertEquals(1, first.effects.stream().filter(event.eventId()::equals).count(), "the effect happened once");
    }

    @Test
    void a_handler_held_by_one_instance_is_skipped_by_another() throws Exception {
        var event = event();
        transactions.inTransaction(() -> {
            events.publish(List.of(event));
            return null;
        });
        dispatch.stampPending();
        var held = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var holder = CompletableFuture.runAsync(() -> transactions.inTransaction(() -> {
            outbox.lock(first.name()).orElseThrow();
            held.countDown();
            await(release);
            return null;
        }));
        assertTrue(held.await(10, TimeUnit.SECONDS));

        var round = dispatch.deliver(first.name());
        var other = dispatch.deliver(second.name());
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertTrue(round.skipped(), "the second instance skips the locked cursor instead of waiting");
        assertEquals(1, other.delivered(), "other handlers are not held up");
        assertTrue(second.effects.contains(event.eventId()));
    }

    @Test
    void a_failing_handler_dead_letters_keeping_the_event_and_a_retry_delivers_it() {
        var failing = new Recording();
        failing.failing = true;
        var strict = dispatcher(List.of(failing), 1);
        strict.registerHandlers();
        var event = event();
        transactions.inTransaction(() -> {
            events.publish(List.of(event));
            return null;
        });
        strict.stampPending();
        for (int round = 0; round < 1000 && strict.deliver(failing.name()).failed() > 0; round++) {
            // every earlier event is dead-lettered in turn, with one attempt each, until none is left
        }
        var dead = transactions.inTransaction(() -> outbox.deadLetters(failing.name(), 1000));
        var letter = dead.stream().filter(d -> d.event().eventId().equals(event.eventId())).findFirst().orElseThrow();
        assertEquals(event, letter.event());
        assertTrue(letter.lastError().contains("downstream refused"));

        failing.failing = false;
        transactions.inTransaction(() -> outbox.requestRetry(failing.name()));
        strict.deliver(failing.name());

        assertTrue(failing.effects.contains(event.eventId()));
        assertTrue(transactions.inTransaction(() -> outbox.deadLetters(failing.name(), 1000)).isEmpty());
    }

    @Test
    void pausing_is_shared_and_keeps_every_event() {
        transactions.inTransaction(() -> {
            outbox.setPaused(true);
            return null;
        });
        try {
            var event = event();
            transactions.inTransaction(() -> {
                events.publish(List.of(event));
                return null;
            });
            dispatch.stampPending();
            assertTrue(dispatch.deliver(first.name()).skipped());
            assertTrue(!first.effects.contains(event.eventId()));
        } finally {
            transactions.inTransaction(() -> {
                outbox.setPaused(false);
                return null;
            });
        }
        drain();
        assertEquals(0, transactions.inTransaction(() -> outbox.pendingAfter(
                outbox.cursors().stream().filter(c -> c.handler().equals(first.name())).findFirst().orElseThrow()
                        .position())));
    }

    DispatchEventsService dispatcher(List<EventHandler> handlers, int maxAttempts) {
        return new DispatchEventsService(outbox, handlers, transactions, Instant::now,
                new DispatchSettings(true, 50, maxAttempts, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO));
    }

    void drain() {
        while (dispatch.stampPending() > 0) {
            // stamp everything visible
        }
        for (var handler : dispatch.handlers()) {
            while (dispatch.deliver(handler).delivered() > 0) {
                // deliver everything stamped
            }
        }
    }

    List<DomainEvent> received(Recording handler, String key) {
        var found = new ArrayList<DomainEvent>();
        for (var cursor : transactions.inTransaction(() -> outbox.after(0, 100_000))) {
            if (handler.effects.contains(cursor.event().eventId()) && key.equals(cursor.event().aggregate().key())) {
                found.add(cursor.event());
            }
        }
        return found;
    }

    static DomainEvent event() {
        return new DomainEvent(UUID.randomUUID(), "FeatureUpdated", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                new Subject("feature", UUID.randomUUID().toString(), "k"), Map.of("n", 1));
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
