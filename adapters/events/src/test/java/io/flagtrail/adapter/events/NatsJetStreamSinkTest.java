package io.flagtrail.adapter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.service.events.DispatchEventsService;
import io.flagtrail.application.service.events.DispatchSettings;
import io.nats.client.Connection;
import io.nats.client.Nats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real NATS server with JetStream ({@code TEST_NATS_URL}, else 127.0.0.1:4222; .ci/run starts one):
 * each event arrives in the stream once per message id, also when it is published again after a redelivery.
 * Every test uses a stream and subjects of its own, deleted afterwards.
 */
class NatsJetStreamSinkTest {

    static final String URL = System.getenv().getOrDefault("TEST_NATS_URL", "nats://127.0.0.1:4222");

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final NatsSettings settings = new NatsSettings(URL, "FT_TEST_" + run, "fttest" + run, Duration.ofSeconds(2));
    final NatsJetStreamSink sink = new NatsJetStreamSink(settings);
    Connection peek;

    @BeforeEach
    void connect() throws Exception {
        try {
            peek = Nats.connect(URL);
        } catch (IOException e) {
            throw new IllegalStateException("These tests need NATS with JetStream: set TEST_NATS_URL, or run "
                    + "'nats-server -js' on 127.0.0.1:4222 (.ci/run starts it)", e);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        sink.close();
        var management = peek.jetStreamManagement();
        if (management.getStreamNames().contains(settings.stream())) {
            management.deleteStream(settings.stream());
        }
        peek.close();
    }

    @Test
    void an_event_published_twice_is_in_the_stream_once_on_the_subject_of_its_environment_and_type() throws Exception {
        var event = Events.updated(1, Instant.now());

        sink.handle(event);
        sink.handle(event);

        assertEquals(List.of(event.eventId().toString()), messageIds());
        var stored = peek.jetStreamManagement().getMessage(settings.stream(), 1);
        assertEquals("fttest" + run + ".default.production.FeatureUpdated", stored.getSubject());
    }

    @Test
    void a_consumer_of_one_environment_gets_its_events_only_and_events_outside_projects_have_their_own_tokens()
            throws Exception {
        var development = new io.flagtrail.domain.project.Scope(io.flagtrail.domain.project.ProjectKey.DEFAULT,
                io.flagtrail.domain.project.EnvironmentKey.DEVELOPMENT);
        var base = Events.updated(2, Instant.now());
        var inDevelopment = new io.flagtrail.domain.event.DomainEvent(java.util.UUID.randomUUID(), base.type(),
                base.occurredAt(), base.aggregate(), base.payload(), development);
        var user = new io.flagtrail.domain.event.DomainEvent(java.util.UUID.randomUUID(), "UserCreated",
                base.occurredAt(), new io.flagtrail.domain.audit.Subject("user", "u-1", "a@example.com"), Map.of());

        sink.handle(inDevelopment);
        sink.handle(base);
        sink.handle(user);

        var management = peek.jetStreamManagement();
        var subjects = new java.util.ArrayList<String>();
        for (long seq = 1; seq <= 3; seq++) {
            subjects.add(management.getMessage(settings.stream(), seq).getSubject());
        }
        String prefix = "fttest" + run;
        assertEquals(List.of(prefix + ".default.development.FeatureUpdated", prefix + ".default.production.FeatureUpdated",
                prefix + "._._.UserCreated"), subjects, "so that " + prefix + ".*.production.> is production's only");
    }

    @Test
    void a_crash_before_the_delivery_is_marked_republishes_and_the_stream_keeps_each_event_once() throws Exception {
        var clock = new FixedClock(Instant.parse("2026-06-01T00:00:00Z"));
        var outbox = new InMemoryOutbox();
        var transactions = new InMemoryTransactions(outbox);
        var dispatch = new DispatchEventsService(outbox, List.of(sink), transactions, clock,
                new DispatchSettings(true, 100, 5, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO));
        dispatch.registerHandlers();
        var events = Events.updates(5, clock.now());
        transactions.inTransaction(() -> {
            outbox.publish(events);
            return null;
        });
        dispatch.stampPending();
        outbox.crashOnNextSave();

        assertThrows(IllegalStateException.class, () -> dispatch.deliver(NatsJetStreamSink.NAME));
        dispatch.deliver(NatsJetStreamSink.NAME);

        assertEquals(events.stream().map(e -> e.eventId().toString()).toList(), messageIds());
        assertEquals(5, outbox.cursors().getFirst().position());
    }

    @Test
    void a_broker_that_does_not_answer_fails_the_delivery_so_that_it_is_retried() {
        var unreachable = new NatsJetStreamSink(new NatsSettings("nats://127.0.0.1:1", "FT_NONE", "ftnone",
                Duration.ofMillis(500)));
        assertThrows(IOException.class, () -> unreachable.handle(Events.updated(1, Instant.now())));
    }

    /** The message ids in the stream, in stream order. */
    private List<String> messageIds() throws Exception {
        var management = peek.jetStreamManagement();
        long count = management.getStreamInfo(settings.stream()).getStreamState().getMsgCount();
        var ids = new ArrayList<String>();
        for (long seq = 1; seq <= count; seq++) {
            ids.add(management.getMessage(settings.stream(), seq).getHeaders().getFirst("Nats-Msg-Id"));
        }
        return ids;
    }
}
