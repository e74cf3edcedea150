package io.flagtrail.adapter.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.ledger.Checkpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory witness on a real file system: it only grows, survives a restart and a torn line, and shares. */
class FileCheckpointWitnessTest {

    @TempDir
    Path dir;
    final GeneratedKeySigner signer = new GeneratedKeySigner();

    @Test
    void an_empty_directory_holds_nothing_and_a_published_checkpoint_is_the_latest_after_a_restart() {
        var witness = new FileCheckpointWitness(dir.resolve("witness").toString());
        assertEquals(Optional.empty(), witness.latest());

        witness.publish(checkpoint(12, "2026-12-02T23:59:59Z"));
        witness.publish(checkpoint(15, "2026-12-03T00:00:01Z"));

        var restarted = new FileCheckpointWitness(dir.resolve("witness").toString());
        assertEquals(checkpoint(15, "2026-12-03T00:00:01Z"), restarted.latest().orElseThrow());
        assertTrue(Files.exists(dir.resolve("witness/checkpoints-2026-12-02.ndjson")), "one file per day of issue");
    }

    @Test
    void it_takes_only_a_greater_checkpoint_and_the_same_one_again_is_no_change() throws IOException {
        var witness = new FileCheckpointWitness(dir.toString());
        var fifteen = checkpoint(15, "2026-12-03T10:00:00Z");
        witness.publish(fifteen);

        witness.publish(fifteen);
        var older = assertThrows(CheckpointWitness.Refused.class, () -> witness.publish(checkpoint(12, "2026-12-03T10:00:01Z")));
        var rival = assertThrows(CheckpointWitness.Refused.class, () -> witness.publish(checkpoint(15, "2026-12-03T10:00:02Z")));

        assertTrue(older.getMessage().contains("holds a checkpoint of size 15"), older.getMessage());
        assertTrue(rival.getMessage().contains("not 15"), rival.getMessage());
        assertEquals(1, Files.readAllLines(dir.resolve("checkpoints-2026-12-03.ndjson")).size());
    }

    @Test
    void a_line_torn_by_a_crash_is_ignored_and_the_last_whole_one_counts() throws IOException {
        var witness = new FileCheckpointWitness(dir.toString());
        var twelve = checkpoint(12, "2026-12-03T10:00:00Z");
        witness.publish(twelve);
        Files.writeString(dir.resolve("checkpoints-2026-12-03.ndjson"), "{\"size\":15,\"headHa",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertEquals(twelve, witness.latest().orElseThrow());
    }

    @Test
    void a_file_that_is_not_checkpoints_makes_the_witness_unreachable_not_empty() throws IOException {
        Files.writeString(dir.resolve("checkpoints-2026-12-03.ndjson"), "not json\n");
        var witness = new FileCheckpointWitness(dir.toString());

        var refused = assertThrows(CheckpointWitness.Unreachable.class, witness::latest);

        assertTrue(refused.getMessage().contains("not a checkpoint"), refused.getMessage());
    }

    @Test
    void two_instances_publishing_at_once_leave_the_files_in_size_order() throws Exception {
        var one = new FileCheckpointWitness(dir.toString());
        var two = new FileCheckpointWitness(dir.toString());
        var runs = new ArrayList<Future<?>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int size = 1; size <= 40; size++) {
                var checkpoint = checkpoint(size, "2026-12-03T10:00:00Z");
                var witness = size % 2 == 0 ? one : two;
                runs.add(pool.submit(() -> {
                    try {
                        witness.publish(checkpoint);
                    } catch (CheckpointWitness.Refused lateAndSmaller) {
                        // a smaller one after a greater: refused, as it must be
                    }
                }));
            }
            for (var run : runs) {
                run.get();
            }
        }
        var sizes = Files.readAllLines(dir.resolve("checkpoints-2026-12-03.ndjson")).stream()
                .map(line -> Long.parseLong(line.replaceAll(".*\"size\":(\\d+).*", "$1"))).toList();
        for (int i = 1; i < sizes.size(); i++) {
            assertTrue(sizes.get(i) > sizes.get(i - 1), sizes.toString());
        }
    }

    private Checkpoint checkpoint(long size, String issuedAt) {
        var at = Instant.parse(issuedAt);
        String head = String.format("%064x", size);
        return new Checkpoint(size, head, at, signer.keyId(),
                signer.sign(Checkpoint.statement(size, head, at, signer.keyId())));
    }
}
