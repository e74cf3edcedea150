package io.flagtrail.application.contract;

import io.flagtrail.domain.project.ApprovalPolicy;
import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.Wiring;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What the storage ports promise, whoever implements them: the JDBC adapters on PostgreSQL and on H2 (the persistence
 * adapter's tests) and the in-memory fakes the application's tests run on ({@link InMemoryPersistenceContractTest}),
 * so that a fake cannot drift from the database it stands for. The use cases run on the stores as they are wired.
 */
public interface PersistenceContract {

    /** The stores under test; the same instances for the whole test method. */
    Stores stores();

    /** From now on an append of an entry with this reason fails inside the store, as a check constraint would. */
    void refuseAuditEntriesWithReason(String reason);

    /** The feature use cases wired as the application wires them, onto these stores. */
    default FeatureCommandService commands() {
        var stores = stores();
        Samples.addSolo(stores.projects());
        return Wiring.featureCommands(stores.features(), stores.projects(), stores.ledger(), stores.events(), stores.transactions(),
                () -> Instant.now().truncatedTo(ChronoUnit.MICROS), new Samples.RandomIds(), new RecordingLogger(),
                new CountingMetrics());
    }

    @Test
    default void a_feature_round_trips_with_all_its_fields() {
        var key = uniqueKey();
        var created = commands().create(new CreateFeatureCommand(Samples.SOLO, key,
                new FeatureAttributes("Name", "Some text", 42, List.of("b", "a"), "team"), true, null, ORIGIN));

        var found = Samples.stored(stores().features(), key).orElseThrow();

        assertEquals(created, found);
        assertEquals(List.of("a", "b"), found.attributes().tags());
    }

    @Test
    default void a_feature_of_the_default_project_has_its_own_state_and_history_in_each_environment() {
        var key = uniqueKey();
        var recorder = commands();
        var development = new Scope(ProjectKey.DEFAULT, EnvironmentKey.DEVELOPMENT);
        var created = recorder.create(new CreateFeatureCommand(Scope.COMPATIBILITY, key,
                new FeatureAttributes("Checkout", "", 100, List.of(), null), false, null, ORIGIN));
        recorder.transition(new TransitionFeatureCommand(development, key, FeatureTransition.ENABLE, 1L, null, ORIGIN));
        recorder.update(new UpdateFeatureCommand(development, key, new FeaturePatch(null, null, 30, null, null), 2L,
                null, ORIGIN));
        recorder.update(new UpdateFeatureCommand(Scope.COMPATIBILITY, key,
                new FeaturePatch("Checkout v2", null, null, null, null), 1L, null, ORIGIN));

        var inProduction = Samples.stored(stores().features(), Scope.COMPATIBILITY, key).orElseThrow();
        var inDevelopment = Samples.stored(stores().features(), development, key).orElseThrow();
        assertEquals(created.id(), inProduction.id());
        assertEquals(false, inProduction.enabled());
        assertEquals(100, inProduction.attributes().rolloutPercentage());
        assertEquals(2, inProduction.version(), "created, renamed");
        assertEquals(true, inDevelopment.enabled());
        assertEquals(30, inDevelopment.attributes().rolloutPercentage());
        assertEquals(4, inDevelopment.version(), "created, enabled, rollout, renamed");
        assertEquals("Checkout v2", inDevelopment.attributes().name(), "the definition is shared");
        var productionHistory = stores().ledger().query(AuditQuery.forSubject("feature", inProduction.id().toString(),
                10, null)).items();
        assertEquals(List.of(AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED),
                productionHistory.stream().map(e -> e.action()).toList());
        assertEquals("production", productionHistory.getFirst().after().get("environment"));
        assertEquals(4, stores().ledger().query(AuditQuery.forSubject("feature", inDevelopment.id().toString(), 10,
                null)).items().size());
        var listed = stores().features().list(development, new FeatureListQuery(null, null, key.value(), 10, null));
        assertEquals(List.of(inDevelopment), listed.items());
    }

    @Test
    default void a_taken_key_is_a_conflict_and_leaves_one_feature_and_one_entry() {
        var key = uniqueKey();
        var create = commands();
        create.create(command(key, null));

        assertThrows(Conflict.class, () -> create.create(command(key, null)));

        var subjectId = Samples.stored(stores().features(), key).orElseThrow().id().toString();
        assertEquals(1, stores().ledger().query(AuditQuery.forSubject("feature", subjectId, 10, null)).items().size());
    }

    @Test
    default void a_change_based_on_an_old_version_is_stale_and_leaves_no_trace() {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));

        assertThrows(StaleVersion.class, () -> recorder.update(new UpdateFeatureCommand(Samples.SOLO, key,
                new FeaturePatch("late", null, null, null, null), 7L, null, ORIGIN)));

        var feature = Samples.stored(stores().features(), key).orElseThrow();
        assertEquals(1, feature.version());
        assertEquals(1, stores().ledger().query(AuditQuery.forSubject("feature", feature.id().toString(), 10, null)).items().size());
    }

    /** The row lock and the aggregate's version rule together: of concurrent changes based on one read, one wins. */
    @Test
    default void of_concurrent_changes_based_on_the_same_version_exactly_one_lands() throws Exception {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        int stale = 0;
        try (var pool = Executors.newFixedThreadPool(10)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var name = "Name " + i;
                runs.add(pool.submit(() -> recorder.update(new UpdateFeatureCommand(Samples.SOLO, key,
                        new FeaturePatch(name, null, null, null, null), 1L, null, ORIGIN))));
            }
            for (var run : runs) {
                try {
                    run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    assertInstanceOf(StaleVersion.class, e.getCause());
                    stale++;
                }
            }
        }

        var feature = Samples.stored(stores().features(), key).orElseThrow();
        assertEquals(9, stale);
        assertEquals(2, feature.version());
        assertEquals(1, stores().ledger().query(new AuditQuery("feature", feature.id().toString(), null, null,
                AuditAction.FEATURE_UPDATED, null, null, null, 100, null)).items().size());
    }

    @Test
    default void an_audit_entry_round_trips_with_snapshots_changes_and_context() {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, "first"));
        recorder.update(new UpdateFeatureCommand(Samples.SOLO, key,
                new FeaturePatch(null, null, 10, null, "owner-x"), 1L, new Reason("ramp"), ORIGIN));

        var id = Samples.stored(stores().features(), key).orElseThrow().id().toString();
        var history = stores().ledger().query(AuditQuery.forSubject("feature", id, 10, null)).items();

        assertEquals(List.of(AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED),
                history.stream().map(e -> e.action()).toList());
        var updated = history.getFirst();
        assertEquals("ramp", updated.reason());
        assertEquals(ORIGIN.actor(), updated.actor());
        assertEquals(ORIGIN.context(), updated.context());
        assertEquals(List.of(new FieldChange("rolloutPercentage", 100, 10), new FieldChange("owner", null, "owner-x")),
                updated.changes());
        assertTrue(updated.before().containsKey("owner"));
        assertNull(updated.before().get("owner"));
        assertEquals(2, ((Number) updated.after().get("version")).intValue());
    }

    @Test
    default void audit_queries_filter_and_page_newest_first() {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        var update = recorder;
        for (int i = 1; i <= 4; i++) {
            update.update(new UpdateFeatureCommand(Samples.SOLO, key, new FeaturePatch(null, null, i, null, null), null, null, ORIGIN));
        }
        var id = Samples.stored(stores().features(), key).orElseThrow().id().toString();

        var first = stores().ledger().query(new AuditQuery("feature", id, null, "u-1", AuditAction.FEATURE_UPDATED, null,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), 3, null));
        var second = stores().ledger().query(new AuditQuery("feature", id, null, "u-1", AuditAction.FEATURE_UPDATED, null,
                null, null, 3, first.nextCursor()));

        assertEquals(List.of(4, 3, 2), first.items().stream().map(e -> e.after().get("rolloutPercentage"))
                .map(v -> ((Number) v).intValue()).toList());
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
        assertTrue(stores().ledger().query(new AuditQuery(null, id, null, "someone-else", null, null, null, null, 10, null))
                .items().isEmpty());
    }

    @Test
    default void entries_keep_their_place_and_queries_filter_by_it() {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        recorder.update(new UpdateFeatureCommand(Samples.SOLO, key, new FeaturePatch(null, null, 5, null, null), null,
                null, ORIGIN));
        var solo = Samples.SOLO.project().value();
        var production = Samples.SOLO.environment().value();

        var here = stores().ledger().query(new AuditQuery("feature", null, key.value(), null, null, null, solo,
                production, null, null, 10, null)).items();
        assertEquals(List.of(AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED),
                here.stream().map(e -> e.action()).toList());
        assertTrue(here.stream().allMatch(e -> new io.flagtrail.domain.audit.AuditPlace(solo, production)
                .equals(e.place())));
        assertEquals(2, stores().ledger().query(new AuditQuery("feature", null, key.value(), null, null, null, solo, null,
                null, null, 10, null)).items().size(), "the project alone");
        assertTrue(stores().ledger().query(new AuditQuery("feature", null, key.value(), null, null, null, solo,
                "development", null, null, 10, null)).items().isEmpty(), "another environment");
        assertTrue(stores().ledger().query(new AuditQuery("feature", null, key.value(), null, null, null, "default",
                null, null, null, 10, null)).items().isEmpty(), "another project");
    }

    @Test
    default void a_change_request_round_trips_lands_only_on_its_version_and_lists_newest_first_by_state() {
        var scope = Samples.SOLO;
        var alice = new io.flagtrail.domain.actor.Actor(io.flagtrail.domain.actor.ActorType.USER, "alice-" + UUID.randomUUID(),
                "Alice", "alice@example.com");
        var bob = new io.flagtrail.domain.actor.Actor(io.flagtrail.domain.actor.ActorType.USER, "bob", "Bob", null);
        var at = Instant.parse("2026-12-08T09:00:00Z");
        var before = new java.util.LinkedHashMap<String, Object>();
        before.put("enabled", false);
        before.put("offVariant", null);
        var change = new io.flagtrail.domain.changerequest.ProposedChange(new FeatureKey("cr-" + UUID.randomUUID()), 3,
                before, java.util.Map.of("enabled", true));
        // time-ordered ids, as the service's (UUIDv7): the second is the newer
        long now = System.currentTimeMillis();
        var first = io.flagtrail.domain.changerequest.ChangeRequest.draft(
                new UUID((now << 16) | 0x7000L, 0x8000000000000000L | (UUID.randomUUID().getLeastSignificantBits() >>> 2)),
                scope, "Switch it on", alice, List.of(change), at).after();
        var second = io.flagtrail.domain.changerequest.ChangeRequest.draft(
                new UUID(((now + 1) << 16) | 0x7000L, 0x8000000000000000L | (UUID.randomUUID().getLeastSignificantBits() >>> 2)),
                scope, "Another", alice, List.of(change), at).after();
        stores().transactions().inTransaction(() -> {
            stores().changeRequests().add(first);
            stores().changeRequests().add(second);
            return null;
        });
        var policy = new io.flagtrail.domain.project.ApprovalPolicy(1,
                java.util.Set.of(io.flagtrail.domain.actor.Role.EDITOR), java.util.Set.of(), false);
        var submitted = first.submit(alice, at.plusSeconds(1)).after();
        var approved = submitted.approve(bob, java.util.Set.of(io.flagtrail.domain.actor.Role.EDITOR), policy, "fine",
                null, at.plusSeconds(2)).after();

        assertTrue(stores().transactions().inTransaction(() -> stores().changeRequests().update(submitted, 1)));
        assertFalse(stores().transactions().inTransaction(() -> stores().changeRequests().update(submitted, 1)),
                "a second step from the same version does not land");
        assertTrue(stores().transactions().inTransaction(() -> stores().changeRequests().update(approved, 2)));

        var stored = stores().changeRequests().find(first.id()).orElseThrow();
        assertEquals(io.flagtrail.domain.changerequest.ChangeRequestState.APPROVED, stored.state());
        assertEquals(approved.approvals(), stored.approvals());
        assertEquals(approved.changes(), stored.changes(), "the diff approved, its nulls kept");
        assertEquals(alice, stored.author());
        assertEquals(3, stored.version());
        var newestFirst = stores().changeRequests().list(scope, java.util.Set.of(), null, null, 1, null);
        assertEquals(List.of(second.id()), newestFirst.items().stream().map(r -> r.id()).toList());
        assertEquals(List.of(first.id()), stores().changeRequests().list(scope, java.util.Set.of(), null, null, 1,
                newestFirst.nextCursor()).items().stream().map(r -> r.id()).toList());
        assertEquals(List.of(first.id()), stores().changeRequests().list(scope,
                java.util.Set.of(io.flagtrail.domain.changerequest.ChangeRequestState.APPROVED), null, null, 10, null)
                .items().stream().map(r -> r.id()).filter(id -> id.equals(first.id()) || id.equals(second.id()))
                .toList());
        assertEquals(List.of(first.id()), stores().changeRequests().list(scope, java.util.Set.of(), null,
                bob.reference(), 10, null).items().stream().map(r -> r.id())
                .filter(id -> id.equals(first.id()) || id.equals(second.id())).toList(), "approved by bob");
        assertEquals(List.of(second.id(), first.id()), stores().changeRequests().list(scope, java.util.Set.of(),
                alice.reference(), null, 10, null).items().stream().map(r -> r.id()).toList(), "by alice (her id is new)");
        assertEquals(List.of(), stores().changeRequests().list(scope, java.util.Set.of(), alice.reference(),
                alice.reference(), 10, null).items(), "alice approved none");
    }

    @Test
    default void scheduled_change_requests_are_due_at_their_instant_earliest_first_and_lock() {
        var alice = new io.flagtrail.domain.actor.Actor(io.flagtrail.domain.actor.ActorType.USER, "a", "A", null);
        var bob = new io.flagtrail.domain.actor.Actor(io.flagtrail.domain.actor.ActorType.USER, "b", "B", null);
        var policy = new io.flagtrail.domain.project.ApprovalPolicy(1,
                java.util.Set.of(io.flagtrail.domain.actor.Role.EDITOR), java.util.Set.of(), false);
        // far in the future, so that no other test's scheduled requests are due at these instants
        var at = Instant.parse("2099-01-01T00:00:00Z").plusSeconds(UUID.randomUUID().hashCode() & 0xffff);
        var change = new io.flagtrail.domain.changerequest.ProposedChange(new FeatureKey("due-" + UUID.randomUUID()), 1,
                java.util.Map.of("enabled", false), java.util.Map.of("enabled", true));
        var scheduled = new ArrayList<io.flagtrail.domain.changerequest.ChangeRequest>();
        for (int later : List.of(20, 10)) {
            // ids from long ago (a UUIDv7's time): older than any other test's, which lists this scope newest first
            var id = new UUID(0x7000L | later, 0x8000000000000000L | (UUID.randomUUID().getLeastSignificantBits() >>> 2));
            var request = io.flagtrail.domain.changerequest.ChangeRequest.draft(id, Samples.SOLO, "Due",
                    alice, List.of(change), at).after().submit(alice, at).after()
                    .approve(bob, java.util.Set.of(io.flagtrail.domain.actor.Role.EDITOR), policy, null, null, at)
                    .after().schedule(alice, at.plusSeconds(later), at).after();
            scheduled.add(request);
            stores().transactions().inTransaction(() -> {
                stores().changeRequests().add(request);
                return null;
            });
        }
        var mine = java.util.Set.of(scheduled.get(0).id(), scheduled.get(1).id());

        assertEquals(List.of(), stores().changeRequests().due(at.plusSeconds(9), 10_000).stream()
                .filter(r -> mine.contains(r.id())).toList(), "not yet due");
        assertEquals(List.of(scheduled.get(1).id()), stores().changeRequests().due(at.plusSeconds(10), 10_000).stream()
                .map(r -> r.id()).filter(mine::contains).toList(), "due at its instant");
        assertEquals(List.of(scheduled.get(1).id(), scheduled.get(0).id()), stores().changeRequests()
                .due(at.plusSeconds(60), 10_000).stream().map(r -> r.id()).filter(mine::contains).toList(),
                "the earliest first");
        assertEquals(scheduled.get(0), stores().transactions().inTransaction(() ->
                stores().changeRequests().lock(scheduled.get(0).id()).orElseThrow()));
    }

    @Test
    default void listing_filters_by_status_tag_and_escaped_text_and_pages_by_key() {
        String prefix = "l" + UUID.randomUUID().toString().substring(0, 8);
        var create = commands();
        for (var suffix : List.of("a", "b", "c")) {
            create.create(new CreateFeatureCommand(Samples.SOLO, new FeatureKey(prefix + "." + suffix),
                    new FeatureAttributes("100% " + suffix, "", 0, List.of(prefix), null), false, null, ORIGIN));
        }

        var first = stores().features().list(Samples.SOLO, new FeatureListQuery(FeatureStatus.ACTIVE, prefix, null, 2, null));
        var second = stores().features().list(Samples.SOLO, new FeatureListQuery(FeatureStatus.ACTIVE, prefix, null, 2, first.nextCursor()));

        assertEquals(List.of(prefix + ".a", prefix + ".b"), first.items().stream().map(f -> f.key().value()).toList());
        assertEquals(List.of(prefix + ".c"), second.items().stream().map(f -> f.key().value()).toList());
        assertEquals(3, stores().features().list(Samples.SOLO, new FeatureListQuery(null, null, "100%", 500, null)).items().stream()
                .filter(f -> f.key().value().startsWith(prefix)).count());
        assertEquals(0, stores().features().list(Samples.SOLO, new FeatureListQuery(null, prefix, "1000", 10, null)).items().size());
        assertEquals(0, stores().features().list(Samples.SOLO, new FeatureListQuery(FeatureStatus.DELETED, prefix, null, 10, null)).items().size());
    }

    @Test
    default void when_appending_the_audit_entry_fails_the_change_is_rolled_back() {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        refuseAuditEntriesWithReason("refuse-me");

        assertThrows(RuntimeException.class, () -> recorder.update(new UpdateFeatureCommand(Samples.SOLO, 
                key, new FeaturePatch("Changed", null, null, null, null), 1L, new Reason("refuse-me"), ORIGIN)));
        assertThrows(RuntimeException.class, () -> recorder.create(
                command(new FeatureKey(key.value() + "-2"), "refuse-me")));

        var unchanged = Samples.stored(stores().features(), key).orElseThrow();
        assertEquals(1, unchanged.version());
        assertEquals("Name", unchanged.attributes().name());
        assertFalse(Samples.stored(stores().features(), new FeatureKey(key.value() + "-2")).isPresent());
        assertEquals(1, stores().ledger().query(AuditQuery.forSubject("feature", unchanged.id().toString(), 10, null)).items().size());
    }

    @Test
    default void fifty_concurrent_updates_of_one_version_let_exactly_one_win_and_write_one_entry() throws Exception {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        var update = recorder;
        var start = new CountDownLatch(1);
        var won = new AtomicInteger();
        var stale = new AtomicInteger();
        List<Future<?>> runs = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                var name = "Name " + i;
                runs.add(pool.submit(() -> {
                    start.await();
                    try {
                        update.update(new UpdateFeatureCommand(Samples.SOLO, key, new FeaturePatch(name, null, null, null, null),
                                1L, null, ORIGIN));
                        won.incrementAndGet();
                    } catch (StaleVersion e) {
                        stale.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }

        assertEquals(1, won.get());
        assertEquals(49, stale.get());
        var id = Samples.stored(stores().features(), key).orElseThrow().id().toString();
        var updates = stores().ledger().query(new AuditQuery("feature", id, null, null, AuditAction.FEATURE_UPDATED, null, null,
                null, 100, null)).items();
        assertEquals(1, updates.size());
        assertEquals(2, Samples.stored(stores().features(), key).orElseThrow().version());
    }

    @Test
    default void sealing_chains_every_entry_gaplessly_and_the_chain_verifies() throws Exception {
        var recorder = commands();
        var key = uniqueKey();
        recorder.create(command(key, "sealed"));
        recorder.update(new UpdateFeatureCommand(Samples.SOLO, key,
                new FeaturePatch("Sealed \u00e9\u20ac \"quoted\"", "line\nbreak", 7, List.of("z", "a"), "o"), null,
                new Reason("unicode and escapes survive hashing"), ORIGIN));
        var ledger = new LedgerServices(stores());

        ledger.sealAll();
        assertEquals(0, stores().chain().backlog().unsealed());
        var report = ledger.verify(null, null);

        assertTrue(report.verified(), report.summary());
        assertEquals(List.of(AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED), stores().ledger().query(
                new AuditQuery("feature", null, key.value(), null, null, null, Samples.SOLO.project().value(),
                        Samples.SOLO.environment().value(), null, null, 10, null)).items().stream()
                .map(e -> e.action()).toList(), "a sealed entry keeps its place, which is not hashed");
        assertEquals(stores().chain().head().size(), report.verifiedUpTo());
        assertEquals(report.verifiedUpTo(), stores().checkpoints().latest().orElseThrow().size());
        var offline = new io.flagtrail.application.service.audit.VerifyBundleService()
                .verify(new java.io.ByteArrayInputStream(ledger.bundle()));
        assertTrue(offline.verified(), offline.summary());
        aLeafReadAnswersTheProofNodesAndTheEntryHashInOne();
    }

    /** Part of the sealing case: every sealing signs with that case's key, and a second key would fail its verify. */
    private void aLeafReadAnswersTheProofNodesAndTheEntryHashInOne() {
        long size = stores().chain().head().size();
        var wanted = List.of(new io.flagtrail.domain.ledger.MerkleFrontier.Node(0, size - 1),
                new io.flagtrail.domain.ledger.MerkleFrontier.Node(0, size - 2),
                new io.flagtrail.domain.ledger.MerkleFrontier.Node(40, 0));

        var leaf = stores().tree().leaf(wanted, size);

        assertEquals(stores().chain().hashAt(size), leaf.entryHash());
        assertEquals(stores().tree().nodes(wanted), leaf.nodes());
        assertEquals(2, leaf.nodes().size(), "a node never grown is absent, not an error");
        assertNull(stores().tree().leaf(wanted, size + 1).entryHash());
    }

    @Test
    default void concurrent_changes_without_an_expected_version_queue_and_all_land() throws Exception {
        var key = uniqueKey();
        var recorder = commands();
        recorder.create(command(key, null));
        var update = recorder;
        try (var pool = Executors.newFixedThreadPool(20)) {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                var name = "Name " + i;
                runs.add(pool.submit(() -> update.update(new UpdateFeatureCommand(Samples.SOLO, key,
                        new FeaturePatch(name, null, null, null, null), null, null, ORIGIN))));
            }
            for (var run : runs) {
                run.get();
            }
        }

        var feature = Samples.stored(stores().features(), key).orElseThrow();
        assertEquals(21, feature.version());
        assertEquals(20, stores().ledger().query(new AuditQuery("feature", feature.id().toString(), null, null,
                AuditAction.FEATURE_UPDATED, null, null, null, 100, null)).items().size());
    }

    @Test
    default void a_witness_lets_exactly_one_of_concurrent_checkpoints_extend_a_size_and_keeps_the_greatest()
            throws Exception {
        String origin = "log-" + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Boolean>>();
        for (int i = 1; i <= 8; i++) {
            long size = 10L * i;
            results.add(pool.submit(() -> {
                start.await();
                return stores().witnessed().add(origin, 0, Samples.cosigned(origin, size));
            }));
        }
        start.countDown();
        long taken = 0;
        for (var result : results) {
            taken += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(1, taken, "only one checkpoint extends size 0");
        long held = stores().witnessed().latest(origin).orElseThrow().checkpoint().size();
        assertTrue(stores().witnessed().add(origin, held, Samples.cosigned(origin, 1000)));
        assertFalse(stores().witnessed().add(origin, held, Samples.cosigned(origin, 2000)), "size " + held + " is taken");
        var latest = stores().witnessed().latest(origin).orElseThrow();
        assertEquals(1000, latest.checkpoint().size());
        assertEquals(Samples.cosigned(origin, 1000), latest, "the checkpoint and cosignature round-trip");
        assertTrue(stores().witnessed().latest("another-" + origin).isEmpty());
    }

    @Test
    default void a_server_secret_is_generated_once_and_then_always_the_same() {
        var name = "secret-" + UUID.randomUUID();
        var first = stores().secrets().getOrCreate(name, () -> "one");
        var second = stores().secrets().getOrCreate(name, () -> "two");

        assertEquals("one", first);
        assertEquals("one", second);
    }

    
    @Test
    default void two_hundred_parallel_login_failures_on_one_account_leave_an_exact_counter() throws Exception {
        var attempts = stores().loginAttempts();
        String account = "parallel-" + UUID.randomUUID() + "@example.com";
        var now = Instant.now();
        var pool = Executors.newFixedThreadPool(16);
        try {
            var start = new CountDownLatch(1);
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < 200; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    return stores().transactions().inTransaction(() ->
                            attempts.recordFailure("account", account, now, java.time.Duration.ofMinutes(15)));
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(200, attempts.count("account", account).failures());

        var later = now.plus(java.time.Duration.ofMinutes(16));
        assertEquals(1, attempts.recordFailure("account", account, later, java.time.Duration.ofMinutes(15)).failures(),
                "a failure after the window starts a new one");
    }

    @Test
    default void a_users_grants_are_stored_found_by_project_and_part_of_the_sessions_standing() {
        var project = new io.flagtrail.domain.project.ProjectKey("default");
        var grants = java.util.Set.of(io.flagtrail.domain.user.Grant.parse("EDITOR@default/development"),
                io.flagtrail.domain.user.Grant.parse("VIEWER@default"));
        var user = io.flagtrail.domain.user.User.register(UUID.randomUUID(),
                new io.flagtrail.domain.user.Email("grants-" + UUID.randomUUID() + "@example.com"), null, "hash",
                java.util.Set.of(), grants, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS)).after();
        stores().transactions().inTransaction(() -> {
            stores().users().add(user);
            return null;
        });

        assertEquals(grants, stores().users().findById(user.id()).orElseThrow().grants());
        assertTrue(stores().users().withGrantsIn(project).stream().anyMatch(u -> u.id().equals(user.id())));
        assertTrue(stores().users().withGrantsIn(new io.flagtrail.domain.project.ProjectKey("nowhere")).stream()
                .noneMatch(u -> u.id().equals(user.id())));
        var session = UUID.randomUUID();
        stores().transactions().inTransaction(() -> {
            stores().sessions().start(session, user.id(), Instant.now());
            return null;
        });
        assertEquals(java.util.Set.of("EDITOR@default/development", "VIEWER@default"),
                stores().sessions().standing(session).orElseThrow().access());

        var fewer = user.changeGrants(java.util.Set.of(io.flagtrail.domain.user.Grant.parse("VIEWER@default")))
                .orElseThrow().after();
        stores().transactions().inTransaction(() -> {
            stores().users().update(fewer);
            return null;
        });
        assertEquals(fewer.grants(), stores().users().findById(user.id()).orElseThrow().grants());
        assertEquals(java.util.Set.of("VIEWER@default"), stores().sessions().standing(session).orElseThrow().access());
    }

    @Test
    default void of_twenty_concurrent_refreshes_with_one_token_exactly_one_succeeds_and_the_session_is_revoked() throws Exception {
        var user = new io.flagtrail.domain.user.User(UUID.randomUUID(),
                new io.flagtrail.domain.user.Email("race-" + UUID.randomUUID() + "@example.com"), "Race", "hash",
                java.util.Set.of(io.flagtrail.domain.actor.Role.VIEWER), java.util.Set.of(),
                io.flagtrail.domain.user.UserStatus.ACTIVE, Instant.now(), null);
        stores().users().add(user);
        io.flagtrail.application.port.out.Clock clock = () -> Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        var service = new io.flagtrail.application.service.identity.SessionService(stores().sessions(),
                io.flagtrail.application.port.out.StandingNotices.NONE, stores().users(),
                new io.flagtrail.application.service.audit.AuditTrail(stores().ledger(), clock, new Samples.RandomIds()), stores().transactions(), clock,
                new Samples.RandomIds(), java.time.Duration.ofDays(1));
        var session = service.start(user, ORIGIN.context());
        var pool = Executors.newFixedThreadPool(20);
        var succeeded = new AtomicInteger();
        var refused = new AtomicInteger();
        try {
            var start = new CountDownLatch(1);
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < 20; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        service.refresh(session.refreshToken(), ORIGIN.context());
                        succeeded.incrementAndGet();
                    } catch (io.flagtrail.domain.error.Unauthenticated e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, succeeded.get());
        assertEquals(19, refused.get());
        assertFalse(stores().sessions().active(session.sessionId()), "the reuse revoked the session");
    }
}
