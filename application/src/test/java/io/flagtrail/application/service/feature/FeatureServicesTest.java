package io.flagtrail.application.service.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.flagtrail.domain.project.Scope;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.change.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

public class FeatureServicesTest {

    public static final FeatureKey KEY = new FeatureKey("checkout.new-flow");
    public static final Origin ORIGIN = new Origin(new Actor(ActorType.USER, "u1", "Alice", "alice@example.com"),
            new RequestContext("req-1", null, Channel.HTTP, "10.0.0.1", "curl"));

    final InMemoryFeatures features = new InMemoryFeatures();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final FixedClock clock = new FixedClock(Instant.parse("2026-03-01T10:00:00Z"));
    final RecordingLogger log = new RecordingLogger();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final io.flagtrail.application.fakes.CountingMetrics metrics = new io.flagtrail.application.fakes.CountingMetrics();
    final io.flagtrail.application.fakes.InMemoryProjects projects = io.flagtrail.application.fakes.InMemoryProjects.seeded();
    final FeatureCommandService recorder = io.flagtrail.application.fakes.Wiring.featureCommands(features, projects, ledger, outbox, new InMemoryTransactions(features, ledger, outbox), clock, new SequentialIds(), log, metrics);
    final FeatureCommandService create = recorder;
    final FeatureCommandService update = recorder;
    final FeatureCommandService transition = recorder;
    final InMemoryTransactions transactions = new InMemoryTransactions(features, ledger);
    final FeatureQueryService queries = new FeatureQueryService(features, projects, ledger,
            new AuditTrail(ledger, clock, new SequentialIds()), transactions);

    @Test
    void creating_records_one_change_entry_with_who_why_and_where() {
        create.create(createCommand("ticket FT-1"));

        var entry = ledger.entries().getFirst();
        assertEquals(AuditAction.FEATURE_CREATED, entry.action());
        assertEquals(AuditCategory.CHANGE, entry.category());
        assertEquals("u1", entry.actor().id());
        assertEquals("ticket FT-1", entry.reason());
        assertEquals("req-1", entry.context().requestId());
        assertNull(entry.before());
        assertEquals("checkout.new-flow", entry.after().get("key"));
        assertEquals(clock.now(), entry.occurredAt());
        assertTrue(log.lines().getFirst().contains("feature changed"));
    }

    @Test
    void the_full_lifecycle_leaves_six_entries_newest_first_in_history() {
        create.create(createCommand(null));
        clock.advance(Duration.ofSeconds(1));
        update.update(new UpdateFeatureCommand(KEY, new FeaturePatch(null, null, 25, null, null), 1L,
                new Reason("ramp up"), ORIGIN));
        transition.transition(command(FeatureTransition.ENABLE, 2L));
        transition.transition(command(FeatureTransition.DISABLE, null));
        transition.transition(command(FeatureTransition.DELETE, null));
        transition.transition(command(FeatureTransition.RESTORE, 5L));

        var history = queries.history(Scope.COMPATIBILITY, KEY, 50, null, ORIGIN).items();
        assertEquals(List.of(AuditAction.FEATURE_RESTORED, AuditAction.FEATURE_DELETED, AuditAction.FEATURE_DISABLED,
                AuditAction.FEATURE_ENABLED, AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED),
                history.stream().map(e -> e.action()).toList());
        assertEquals(List.of(new FieldChange("rolloutPercentage", 100, 25)), history.get(4).changes());
        assertEquals("ramp up", history.get(4).reason());
        assertEquals(6L, queries.get(Scope.COMPATIBILITY, KEY).version());
    }

    @Test
    void reading_history_is_itself_recorded_without_crowding_the_history() {
        create.create(createCommand(null));

        queries.history(Scope.COMPATIBILITY, KEY, 50, null, ORIGIN);
        var history = queries.history(Scope.COMPATIBILITY, KEY, 50, null, ORIGIN);

        assertEquals(1, history.items().size());
        var reads = ledger.entries().stream().filter(e -> e.action() == AuditAction.AUDIT_HISTORY_READ).toList();
        assertEquals(2, reads.size());
        assertEquals(AuditCategory.ACCESS, reads.getFirst().category());
        assertEquals("u1", reads.getFirst().actor().id());
    }

    @Test
    void the_state_as_of_an_instant_comes_from_the_ledger() {
        create.create(createCommand(null));
        var afterCreate = clock.now();
        clock.advance(Duration.ofMinutes(1));
        update.update(new UpdateFeatureCommand(KEY, new FeaturePatch("Renamed", null, null, null, null), null, null,
                ORIGIN));

        assertEquals("New checkout", queries.asOf(Scope.COMPATIBILITY, KEY, afterCreate, ORIGIN).attributes().name());
        assertEquals(queries.get(Scope.COMPATIBILITY, KEY), queries.asOf(Scope.COMPATIBILITY, KEY, clock.now(), ORIGIN));
        assertThrows(NotFound.class, () -> queries.asOf(Scope.COMPATIBILITY, KEY, afterCreate.minusSeconds(1), ORIGIN));
    }

    @Test
    void an_update_that_changes_nothing_adds_no_entry_and_no_version() {
        create.create(createCommand(null));

        var same = update.update(new UpdateFeatureCommand(KEY, new FeaturePatch("New checkout", null, 100, null, null),
                1L, null, ORIGIN));

        assertEquals(1, same.version());
        assertEquals(2, ledger.entries().size(), "the creation in development and in production, nothing more");
    }

    @Test
    void a_stale_expected_version_is_refused_and_records_nothing() {
        create.create(createCommand(null));
        transition.transition(command(FeatureTransition.ENABLE, 1L));

        var stale = assertThrows(StaleVersion.class, () -> transition.transition(command(FeatureTransition.DISABLE, 1L)));

        assertEquals(2, stale.actual());
        assertEquals(3, ledger.entries().size());
    }

    @Test
    void when_the_ledger_fails_the_change_is_rolled_back() {
        create.create(createCommand(null));
        ledger.failAppends();

        assertThrows(IllegalStateException.class, () -> transition.transition(command(FeatureTransition.ENABLE, null)));

        var unchanged = queries.get(Scope.COMPATIBILITY, KEY);
        assertEquals(1, unchanged.version());
        assertEquals(false, unchanged.enabled());
        assertEquals(List.of("FeatureCreated", "FeatureCreated"), outbox.published().stream().map(e -> e.type()).toList(),
                "the failed change published nothing (the creation published one event per environment)");
    }

    @Test
    void every_change_publishes_its_event_with_the_feature_after_it_and_what_changed() {
        create.create(createCommand("launch"));
        transition.transition(command(FeatureTransition.ENABLE, null));
        transition.transition(command(FeatureTransition.ENABLE, null));

        var events = outbox.published();
        assertEquals(List.of("FeatureCreated", "FeatureCreated", "FeatureEnabled"),
                events.stream().map(e -> e.type()).toList(), "a change that changed nothing publishes nothing");
        assertEquals(1, metrics.count("feature:ENABLED"), "and counts nothing either");
        var enabled = events.get(2);
        assertEquals(KEY.value(), enabled.aggregate().key());
        @SuppressWarnings("unchecked")
        var feature = (java.util.Map<String, Object>) enabled.payload().get("feature");
        assertEquals(true, feature.get("enabled"));
        assertEquals(2L, feature.get("version"));
        assertEquals(List.of(java.util.Map.of("field", "enabled", "from", false, "to", true)),
                enabled.payload().get("changes"));
        assertEquals(clock.now(), enabled.occurredAt());
    }

    @Test
    void a_creation_whose_audit_fails_leaves_no_feature() {
        ledger.failAppends();

        assertThrows(IllegalStateException.class, () -> create.create(createCommand(null)));

        assertThrows(NotFound.class, () -> queries.get(Scope.COMPATIBILITY, KEY));
    }

    @Test
    void a_taken_key_is_a_conflict() {
        create.create(createCommand(null));

        var error = assertThrows(Conflict.class, () -> create.create(createCommand(null)));
        assertEquals("feature.key_taken", error.code());
        assertEquals(2, ledger.entries().size());
    }

    @Test
    void changing_an_unknown_feature_is_not_found() {
        var error = assertThrows(NotFound.class, () -> transition.transition(command(FeatureTransition.ENABLE, null)));
        assertEquals("feature.not_found", error.code());
    }

    @Test
    void listing_filters_by_status_tag_and_text_and_pages_by_key() {
        for (var key : List.of("a.one", "b.two", "c.three")) {
            create.create(new CreateFeatureCommand(new FeatureKey(key),
                    new FeatureAttributes("Name " + key, "", 0, List.of("t"), null), false, null, ORIGIN));
        }
        transition.transition(new TransitionFeatureCommand(new FeatureKey("b.two"), FeatureTransition.DELETE, null,
                null, ORIGIN));

        var first = queries.list(Scope.COMPATIBILITY, new FeatureListQuery(null, "t", null, 1, null));
        var second = queries.list(Scope.COMPATIBILITY, new FeatureListQuery(null, "t", null, 1, first.nextCursor()));
        assertEquals("a.one", first.items().getFirst().key().value());
        assertEquals("c.three", second.items().getFirst().key().value());
        assertNull(second.nextCursor());
        assertEquals(1, queries.list(Scope.COMPATIBILITY, new FeatureListQuery(FeatureStatus.DELETED, null, null, 10, null)).items().size());
        assertEquals(1, queries.list(Scope.COMPATIBILITY, new FeatureListQuery(null, null, "THREE", 10, null)).items().size());
    }

    private CreateFeatureCommand createCommand(String reason) {
        return new CreateFeatureCommand(KEY, new FeatureAttributes("New checkout", "", 100, List.of(), null), false,
                Reason.ofNullable(reason), ORIGIN);
    }

    private TransitionFeatureCommand command(FeatureTransition kind, Long expectedVersion) {
        return new TransitionFeatureCommand(KEY, kind, expectedVersion, null, ORIGIN);
    }
}
