package io.flagtrail.adapter.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.ledger.Checkpoint;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the real NATS server with JetStream ({@code TEST_NATS_URL}, else 127.0.0.1:4222; .ci/run starts one),
 * each test on a stream of its own, deleted afterwards: growth only, a restart reads the newest, the stream refuses
 * to delete a checkpoint, two instances publishing at once stay in size order, and a server that is not there is
 * unreachable rather than empty.
 */
class NatsCheckpointWitnessTest {

    static final String URL = System.getenv().getOrDefault("TEST_NATS_URL", "nats://127.0.0.1:4222");

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    final String stream = "FT_WITNESS_" + run;
    final String subject = "ftwitness" + run + ".checkpoints";
    final GeneratedKeySigner signer = new GeneratedKeySigner();
    final NatsCheckpointWitness witness = witness(URL);
    Connection peek;

    @BeforeEach
    void connect() {
        try {
            peek = Nats.connect(URL);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("These tests need NATS with JetStream: set TEST_NATS_URL, or run "
                    + "'nats-server -js' on 127.0.0.1:4222 (.ci/run starts it)", e);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        witness.close();
        var management = peek.jetStreamManagement();
        if (management.getStreamNames().contains(stream)) {
            management.deleteStream(stream);
        }
        peek.close();
    }

    @Test
    void it_holds_nothing_then_the_newest_checkpoint_also_after_a_restart_and_only_grows() throws Exception {
        assertEquals(Optional.empty(), witness.latest());
        witness.publish(checkpoint(12));
        witness.publish(checkpoint(15));
        witness.publish(checkpoint(15));

        var restarted = witness(URL);
        assertEquals(checkpoint(15), restarted.latest().orElseThrow());
        var older = assertThrows(CheckpointWitness.Refused.class, () -> restarted.publish(checkpoint(14)));
        assertTrue(older.getMessage().contains("size 15"), older.getMessage());
        restarted.close();
    }

    @Test
    void the_stream_refuses_to_delete_or_purge_a_checkpoint() throws Exception {
        witness.publish(checkpoint(3));
        var management = peek.jetStreamManagement();

        assertThrows(JetStreamApiException.class, () -> management.deleteMessage(stream, 1));
        assertThrows(JetStreamApiException.class, () -> management.purgeStream(stream));
        assertEquals(checkpoint(3), witness.latest().orElseThrow());
    }

    @Test
    void two_instances_publishing_at_once_leave_the_subject_in_size_order() throws Exception {
        var other = witness(URL);
        var runs = new ArrayList<Future<?>>();
        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int size = 1; size <= 20; size++) {
                var checkpoint = checkpoint(size);
                var publisher = size % 2 == 0 ? witness : other;
                runs.add(pool.submit(() -> {
                    try {
                        publisher.publish(checkpoint);
                    } catch (CheckpointWitness.Refused lateAndSmaller) {
                        // refused, as it must be
                    }
                }));
            }
            for (var run : runs) {
                run.get();
            }
        }
        other.close();
        var sizes = new ArrayList<Long>();
        var management = peek.jetStreamManagement();
        long messages = management.getStreamInfo(stream).getStreamState().getMsgCount();
        for (long seq = 1; seq <= messages; seq++) {
            var data = new String(management.getMessage(stream, seq).getData(), java.nio.charset.StandardCharsets.UTF_8);
            sizes.add(Long.parseLong(data.replaceAll(".*\"size\":(\\d+).*", "$1")));
        }
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) > sizes.get(i - 1), sizes.toString());
        }
    }

    @Test
    void a_server_that_is_not_there_is_unreachable_not_empty() {
        var nowhere = witness("nats://127.0.0.1:1");

        assertThrows(CheckpointWitness.Unreachable.class, nowhere::latest);
        assertThrows(CheckpointWitness.Unreachable.class, () -> nowhere.publish(checkpoint(1)));
    }

    private NatsCheckpointWitness witness(String url) {
        return new NatsCheckpointWitness(url, stream, subject, Duration.ofSeconds(2));
    }

    private Checkpoint checkpoint(long size) {
        var at = Instant.parse("2026-12-03T10:00:00Z");
        String head = String.format("%064x", size);
        return new Checkpoint(size, head, at, signer.keyId(), signer.sign(Checkpoint.statement(size, head, at,
                signer.keyId())));
    }
}
