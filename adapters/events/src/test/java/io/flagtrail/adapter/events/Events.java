package io.flagtrail.adapter.events;

import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Events for tests: feature updates with a payload of a chosen size. */
final class Events {

    private Events() {
    }

    static DomainEvent updated(int n, Instant at) {
        return new DomainEvent(UUID.randomUUID(), "FeatureUpdated", at, new Subject("feature", "id-" + n, "key-" + n),
                Map.of("feature", Map.of("key", "key-" + n, "version", n, "name", "x".repeat(100))),
                io.flagtrail.domain.project.Scope.COMPATIBILITY);
    }

    static List<DomainEvent> updates(int count, Instant at) {
        return IntStream.range(0, count).mapToObj(n -> updated(n, at)).toList();
    }
}
