package io.flagtrail.adapter.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.domain.event.DomainEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * At-least-once delivery may repeat and reorder events (a crash before the cursor moved, a dead letter retried
 * later). Whatever the repetitions and order, the files end up holding the same events, each exactly once.
 */
class FileSinkDeliveryProperties {

    @Property(tries = 60)
    void duplicated_and_shuffled_delivery_leaves_the_same_events_as_single_in_order_delivery(
            @ForAll @IntRange(min = 1, max = 60) int count, @ForAll @IntRange(min = 0, max = 3) int extraCopies,
            @ForAll long seed) throws Exception {
        var events = Events.updates(count, Instant.parse("2026-06-01T00:00:00Z"));
        var messy = new ArrayList<DomainEvent>();
        var random = new Random(seed);
        for (var event : events) {
            messy.add(event);
            for (int copy = random.nextInt(extraCopies + 1); copy > 0; copy--) {
                messy.add(event);
            }
        }
        Collections.shuffle(messy, random);

        assertEquals(sorted(deliver(events)), sorted(deliver(messy)));
        assertEquals(count, deliver(messy).size(), "each event exactly once");
    }

    private static List<String> deliver(List<DomainEvent> deliveries) throws Exception {
        try (var disk = Jimfs.newFileSystem(Configuration.unix())) {
            Path dir = disk.getPath("/events");
            var sink = new FileEventSink(new FileSinkSettings(dir, 4096, Duration.ofDays(30)),
                    new FixedClock(Instant.parse("2026-06-01T00:00:00Z")));
            for (var event : deliveries) {
                sink.handle(event);
            }
            var lines = new ArrayList<String>();
            try (var files = Files.list(dir)) {
                for (var file : files.toList()) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
            return lines;
        }
    }

    private static List<String> sorted(List<String> lines) {
        var copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
