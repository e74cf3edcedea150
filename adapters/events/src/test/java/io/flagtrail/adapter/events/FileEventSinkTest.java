package io.flagtrail.adapter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.service.events.DispatchEventsService;
import io.flagtrail.application.service.events.DispatchSettings;
import io.flagtrail.domain.event.DomainEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The file sink on an in-memory file system (jimfs), whose size limit gives a real "out of disk space" from the NIO
 * calls the sink makes, and with a clock the test moves.
 */
class FileEventSinkTest {

    static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([0-9a-f-]{36})\"");

    final FixedClock clock = new FixedClock(Instant.parse("2026-06-01T00:00:00Z"));
    FileSystem disk = Jimfs.newFileSystem(Configuration.unix());
    Path dir = disk.getPath("/events");

    @AfterEach
    void closeDisk() throws IOException {
        disk.close();
    }

    @Test
    void each_event_is_one_json_line_with_its_id_type_time_aggregate_environment_and_payload() throws Exception {
        var sink = sink(1024 * 1024, 30);
        var event = Events.updated(7, clock.now());

        sink.handle(event);

        var line = Files.readAllLines(dir.resolve(FileEventSink.CURRENT)).getFirst();
        assertEquals("{\"aggregate\":{\"id\":\"id-7\",\"key\":\"key-7\",\"type\":\"feature\"},\"environment\":"
                + "\"production\",\"eventId\":\"" + event.eventId() + "\",\"occurredAt\":\"2026-06-01T00:00:00.000000Z\","
                + "\"payload\":{\"feature\":{\"key\":\"key-7\",\"name\":\"" + "x".repeat(100) + "\",\"version\":7}},"
                + "\"project\":\"default\",\"type\":\"FeatureUpdated\"}", line);
    }

    @Test
    void past_the_size_limit_the_file_is_rotated_and_no_file_exceeds_it() throws Exception {
        var sink = sink(2048, 30);
        var events = Events.updates(40, clock.now());

        for (var event : events) {
            sink.handle(event);
            clock.advance(Duration.ofSeconds(1));
        }

        var files = files();
        assertTrue(files.size() > 3, "rotated into several files: " + files);
        for (var file : files) {
            assertTrue(Files.size(file) <= 2048, file + " is " + Files.size(file) + " bytes");
        }
        assertEquals(ids(events), writtenIds(), "every event once, in order, across the files");
    }

    @Test
    void rotated_files_older_than_the_retention_period_are_deleted_and_younger_ones_kept() throws Exception {
        var sink = sink(2048, 30);
        for (var event : Events.updates(20, clock.now())) {
            sink.handle(event);
        }
        int rotatedEarly = files().size() - 1;
        clock.advance(Duration.ofDays(29));
        for (var event : Events.updates(20, clock.now())) {
            sink.handle(event);
        }
        int rotatedTotal = files().size() - 1;

        clock.advance(Duration.ofDays(1).plusSeconds(1));
        int deleted = sink.deleteExpired();

        assertEquals(rotatedEarly, deleted, "the files rotated 30 days ago go");
        assertEquals(rotatedTotal - rotatedEarly + 1, files().size(), "the later ones and the current file stay");
    }

    @Test
    void a_redelivered_event_is_written_once_also_after_a_restart() throws Exception {
        var sink = sink(1024 * 1024, 30);
        var event = Events.updated(1, clock.now());
        sink.handle(event);
        sink.handle(event);
        sink.close();

        var restarted = sink(1024 * 1024, 30);
        restarted.handle(event);

        assertEquals(1, writtenIds().size());
    }

    @Test
    void a_line_half_written_when_the_process_died_is_cut_off_at_restart() throws Exception {
        var sink = sink(1024 * 1024, 30);
        var first = Events.updated(1, clock.now());
        sink.handle(first);
        sink.close();
        Files.writeString(dir.resolve(FileEventSink.CURRENT), "{\"eventId\":\"half", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        var second = Events.updated(2, clock.now());
        sink(1024 * 1024, 30).handle(second);

        var lines = Files.readAllLines(dir.resolve(FileEventSink.CURRENT));
        assertEquals(2, lines.size(), String.join("\n", lines));
        assertEquals(ids(List.of(first, second)), writtenIds());
    }

    /**
     * A full disk: the relay records failures and keeps everything in the outbox; when space returns, every event is
     * written, each once, and no half line is left from the refused writes.
     */
    @Test
    void a_full_disk_records_failures_loses_nothing_and_recovers_when_space_returns() throws Exception {
        disk.close();
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(1024).setMaxSize(16 * 1024).build());
        dir = disk.getPath("/events");
        Files.createDirectories(dir);
        var ballast = dir.resolve("ballast.bin");
        Files.write(ballast, new byte[13 * 1024]);
        var outbox = new InMemoryOutbox();
        var transactions = new InMemoryTransactions(outbox);
        var dispatch = new DispatchEventsService(outbox, List.of(sink(1024 * 1024, 30)), transactions, clock,
                new DispatchSettings(true, 100, 1000, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO));
        dispatch.registerHandlers();
        var events = Events.updates(30, clock.now());
        transactions.inTransaction(() -> {
            outbox.publish(events);
            return null;
        });
        dispatch.stampPending();

        for (int round = 0; round < 5; round++) {
            dispatch.deliver(FileEventSink.NAME);
            clock.advance(Duration.ofSeconds(2));
        }
        var stuck = outbox.cursors().getFirst();
        assertTrue(stuck.failed() >= 4, "each round records a failure: " + stuck);
        assertTrue(stuck.lastError().contains("space"), stuck.lastError());
        assertTrue(stuck.position() < events.size(), "the cursor stopped at the event that did not fit");
        assertEquals(events.size(), outbox.published().size(), "the outbox lost nothing");
        assertTrue(Files.readAllLines(dir.resolve(FileEventSink.CURRENT)).stream().allMatch(l -> l.endsWith("}")),
                "no half line was left behind");

        Files.delete(ballast);
        for (int round = 0; round < 5; round++) {
            dispatch.deliver(FileEventSink.NAME);
            clock.advance(Duration.ofSeconds(2));
        }

        assertEquals(ids(events), writtenIds(), "every event written once after space returned");
        assertEquals(events.size(), outbox.cursors().getFirst().position());
    }

    @Test
    void a_file_size_below_one_kilobyte_is_refused_with_the_variable_named() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> new FileSinkSettings(dir, 10, Duration.ofDays(1)));
        assertTrue(error.getMessage().contains("EVENTS_MAX_FILE_SIZE"));
    }

    FileEventSink sink(long maxFileSize, int retentionDays) {
        return new FileEventSink(new FileSinkSettings(dir, maxFileSize, Duration.ofDays(retentionDays)), clock);
    }

    /** Rotated files in name (= time) order, then the current file. */
    List<Path> files() throws IOException {
        try (var listing = Files.list(dir)) {
            var rotated = new ArrayList<>(listing.filter(p -> p.getFileName().toString().startsWith("events-"))
                    .sorted().toList());
            var current = dir.resolve(FileEventSink.CURRENT);
            if (Files.exists(current)) {
                rotated.add(current);
            }
            return rotated;
        }
    }

    List<String> writtenIds() throws IOException {
        var found = new ArrayList<String>();
        for (var file : files()) {
            for (var line : Files.readAllLines(file)) {
                var matcher = EVENT_ID.matcher(line);
                if (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    static List<String> ids(List<DomainEvent> events) {
        return events.stream().map(e -> e.eventId().toString()).toList();
    }
}
