package io.flagtrail.application.service.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DispatchEventsServiceTest {

    /** Counts the effect of each event once, however often it arrives: dedupe on the event id. */
    static final class Counting implements EventHandler {
        final String name;
        final LinkedHashSet<UUID> effects = new LinkedHashSet<>();
        final Map<UUID, Integer> arrivals = new HashMap<>();
        boolean failing;

        Counting(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void handle(DomainEvent event) {
            arrivals.merge(event.eventId(), 1, Integer::sum);
            if (failing) {
                throw new IllegalStateException("sink unavailable");
            }
            effects.add(event.eventId());
        }
    }

    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final FixedClock clock = new FixedClock(Instant.parse("2026-05-01T08:00:00Z"));
    final InMemoryTransactions transactions = new InMemoryTransactions(outbox, ledger);
    final DispatchSettings settings = new DispatchSettings(true, 5, 3, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofHours(1));
    final Counting files = new Counting("files");
    final Counting broker = new Counting("broker");
    final DispatchEventsService dispatch = new DispatchEventsService(outbox, List.of(files, broker), transactions,
            clock, settings);
    final EventDispatchAdminService admin = new EventDispatchAdminService(outbox, dispatch.handlers(),
            new AuditTrail(ledger, clock, new SequentialIds()), transactions, clock, settings);

    @Test
    void a_crash_between_delivery_and_marking_it_redelivers_and_the_effect_happens_once() {
        var events = publish(3);
        outbox.crashOnNextSave();

        assertThrows(IllegalStateException.class, () -> dispatch.deliver("files"));
        assertEquals(3, files.effects.size(), "the handler ran before the crash");
        dispatch.deliver("files");

        assertEquals(events, List.copyOf(files.effects));
        assertTrue(files.arrivals.values().stream().allMatch(n -> n == 2), "each event arrived again after the crash");
        assertEquals(3, admin.status().handlers().getFirst().delivered() + admin.status().handlers().get(1).delivered());
    }

    @Test
    void a_handler_that_throws_on_every_event_ends_dead_lettered_while_the_others_deliver_everything() {
        var events = publish(4);
        files.failing = true;

        for (int round = 0; round < 20; round++) {
            dispatch.deliver("files");
            dispatch.deliver("broker");
            clock.advance(Duration.ofSeconds(31));
        }

        assertEquals(events, List.copyOf(broker.effects));
        var dead = outbox.deadLetters("files", 10);
        assertEquals(4, dead.size());
        assertTrue(dead.stream().allMatch(d -> d.attempts() == 3 && d.lastError().contains("sink unavailable")));
        var status = handler("files");
        assertEquals(4, status.deadLettered());
        assertEquals(0, status.pending());
        assertEquals(12, status.failed());
    }

    @Test
    void failed_attempts_back_off_doubling_and_only_that_handler_waits() {
        publish(1);
        files.failing = true;
        var start = clock.now();

        dispatch.deliver("files");
        var first = handler("files").nextAttemptAt();
        var skipped = dispatch.deliver("files");
        clock.advance(Duration.ofSeconds(1));
        dispatch.deliver("files");

        assertEquals(start.plusSeconds(1), first);
        assertTrue(skipped.skipped(), "no attempt before the backoff is over");
        assertEquals(clock.now().plusSeconds(2), handler("files").nextAttemptAt(), "the second wait is twice the first");
        assertEquals(1, dispatch.deliver("broker").delivered());
    }

    @Test
    void the_status_says_when_the_last_error_happened_and_that_delivery_recovered_since() {
        publish(1);
        files.failing = true;
        dispatch.deliver("files");
        var failing = admin.status().handlers().stream().filter(h -> h.name().equals("files")).findFirst().orElseThrow();
        files.failing = false;
        clock.advance(Duration.ofSeconds(2));
        dispatch.deliver("files");
        var recovered = admin.status().handlers().stream().filter(h -> h.name().equals("files")).findFirst().orElseThrow();

        assertEquals("sink unavailable", failing.lastError().replaceAll(".*: ", ""));
        assertEquals(Instant.parse("2026-05-01T08:00:00Z"), failing.lastErrorAt());
        assertFalse(failing.recovered());
        assertEquals(0, recovered.pending());
        assertEquals(failing.lastError(), recovered.lastError(), "the error stays for the record");
        assertEquals(clock.now(), recovered.lastDeliveredAt());
        assertTrue(recovered.recovered(), "delivered after the error");
    }

    @Test
    void pausing_delivers_nothing_and_loses_nothing_and_is_recorded() {
        var origin = new io.flagtrail.application.port.in.Origin(io.flagtrail.domain.actor.Actor.system("ops"),
                io.flagtrail.domain.audit.RequestContext.system());
        admin.pause(origin);
        var events = publish(3);

        assertTrue(dispatch.deliver("files").skipped());
        assertEquals(3, handler("files").pending());
        admin.resume(origin);
        dispatch.deliver("files");

        assertEquals(events, List.copyOf(files.effects));
        assertEquals(List.of(AuditAction.EVENT_DISPATCH_PAUSED, AuditAction.EVENT_DISPATCH_RESUMED),
                ledger.entries().stream().map(e -> e.action()).toList());
    }

    @Test
    void dead_letters_retried_after_the_handler_recovers_are_delivered_once() {
        var events = publish(2);
        files.failing = true;
        for (int round = 0; round < 10; round++) {
            dispatch.deliver("files");
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(2, outbox.deadLetters("files", 10).size());
        files.failing = false;

        int asked = admin.retryDeadLetters("files", new io.flagtrail.application.port.in.Origin(
                io.flagtrail.domain.actor.Actor.system("ops"), io.flagtrail.domain.audit.RequestContext.system()));
        dispatch.deliver("files");

        assertEquals(2, asked);
        assertEquals(events, List.copyOf(files.effects));
        assertTrue(outbox.deadLetters("files", 10).isEmpty());
        assertEquals(AuditAction.EVENT_DEAD_LETTERS_RETRIED, ledger.entries().getLast().action());
    }

    @Test
    void delivered_events_are_cleaned_up_only_once_every_handler_is_past_them_and_the_keep_period_is_over() {
        publish(3);
        dispatch.deliver("files");
        clock.advance(Duration.ofHours(2));

        assertEquals(0, dispatch.cleanUp(), "broker has not had them yet");
        dispatch.deliver("broker");
        assertEquals(3, dispatch.cleanUp());
        assertNotNull(admin.status());
    }

    private ManageStatus handler(String name) {
        var found = admin.status().handlers().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
        return new ManageStatus(found.delivered(), found.failed(), found.pending(), found.deadLettered(),
                found.nextAttemptAt());
    }

    record ManageStatus(long delivered, long failed, long pending, long deadLettered, Instant nextAttemptAt) {
    }

    private List<UUID> publish(int count) {
        dispatch.registerHandlers();
        var events = IntStream.range(0, count).mapToObj(i -> new DomainEvent(UUID.randomUUID(), "FeatureUpdated",
                clock.now(), new Subject("feature", "f-" + i, "key-" + i), Map.of("n", i))).toList();
        transactions.inTransaction(() -> {
            outbox.publish(events);
            return null;
        });
        dispatch.stampPending();
        return new ArrayList<>(events.stream().map(DomainEvent::eventId).toList());
    }
}
