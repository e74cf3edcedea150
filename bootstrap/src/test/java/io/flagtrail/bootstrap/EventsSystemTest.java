package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.DispatchEventsUseCase;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.Poll;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events through the running service: a change reaches the events file via the relay; admins pause and resume. */
@SystemTest
class EventsSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;

    EventsSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
    }

    @Test
    void a_change_reaches_the_events_file_through_the_outbox_relay() throws Exception {
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Events\"}");

        var line = awaitLine(key);

        assertTrue(line.contains("\"type\":\"FeatureCreated\""), line);
        var status = api.send("GET", "/api/v1/admin/events", admin, null);
        assertEquals(200, status.status(), status.raw().body());
        assertTrue(((List<?>) status.json().get("eventTypes")).contains("FeatureRestored"));
        @SuppressWarnings("unchecked")
        var handlers = (List<Map<String, Object>>) status.json().get("handlers");
        var file = handlers.stream().filter(h -> "file".equals(h.get("name"))).findFirst().orElseThrow();
        assertTrue(((Number) file.get("delivered")).longValue() >= 1);
    }

    @Test
    void with_db_storage_events_are_kept_in_the_database_and_read_back_filtered_and_paged() throws Exception {
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Logged\"}");
        api.send("POST", "/api/v1/features/" + key + "/enable", admin, null);

        var items = Poll.until(Duration.ofSeconds(10), "the events of " + key + " in the event log",
                () -> api.send("GET", "/api/v1/admin/events/log?aggregateKey=" + key, admin, null).items(),
                found -> found.size() >= 3);
        assertEquals(List.of("FeatureEnabled", "FeatureCreated", "FeatureCreated"),
                items.stream().map(i -> i.get("type")).toList(), "newest first; created in development and production");
        var first = api.send("GET", "/api/v1/admin/events/log?aggregateKey=" + key + "&limit=1", admin, null);
        String cursor = (String) first.json().get("nextCursor");
        var second = api.send("GET", "/api/v1/admin/events/log?aggregateKey=" + key + "&limit=1&cursor=" + cursor, admin, null);
        assertEquals("FeatureCreated", second.items().getFirst().get("type"));
        assertEquals(1, api.send("GET", "/api/v1/admin/events/log?type=FeatureEnabled&aggregateKey=" + key, admin, null)
                .items().size());
        assertEquals(403, api.send("GET", "/api/v1/admin/events/log", system.userWith(Role.AUDITOR), null).status());
    }

    @Test
    void paused_dispatch_keeps_events_waiting_and_resuming_delivers_them() throws Exception {
        assertEquals(200, api.send("POST", "/api/v1/admin/events/pause", admin, null).status());
        String key = uniqueKey();
        try {
            api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Paused\"}");
            // Run the relay's rounds here rather than waiting for its threads: a round that would deliver the event
            // if dispatch were running finds it paused, so "nothing delivered" does not depend on timing.
            var dispatch = system.bean(DispatchEventsUseCase.class);
            dispatch.stampPending();
            for (var handler : dispatch.handlers()) {
                var round = dispatch.deliver(handler);
                assertTrue(round.skipped() && round.delivered() == 0, round.toString());
            }
            assertTrue(linesWith(key).isEmpty(), "nothing is delivered while paused");
            var paused = api.send("GET", "/api/v1/admin/events", admin, null);
            assertEquals(true, paused.json().get("paused"));
        } finally {
            api.send("POST", "/api/v1/admin/events/resume", admin, null);
        }
        awaitLine(key);
        var recorded = api.send("GET", "/api/v1/audit?action=EVENT_DISPATCH_PAUSED", admin, null);
        assertTrue(!recorded.items().isEmpty(), "pausing is recorded in the ledger");
    }

    @Test
    void only_admins_reach_event_administration() {
        String editor = system.userWith(Role.EDITOR);
        assertEquals(403, api.send("GET", "/api/v1/admin/events", editor, null).status());
        assertEquals(403, api.send("POST", "/api/v1/admin/events/pause", editor, null).status());
        assertEquals(401, api.send("GET", "/api/v1/admin/events", null, null).status());
        assertProblem(api.send("POST", "/api/v1/admin/events/handlers/nope/retry", admin, null), 404,
                "event_handler.not_found");
    }

    String awaitLine(String key) {
        return Poll.until(Duration.ofSeconds(10), "an event for " + key + " in " + system.eventsDirectory(),
                () -> linesWith(key), found -> !found.isEmpty()).getFirst();
    }

    List<String> linesWith(String key) {
        var file = system.eventsDirectory().resolve("events.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return Files.readAllLines(file).stream().filter(l -> l.contains("\"key\":\"" + key + "\"")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
