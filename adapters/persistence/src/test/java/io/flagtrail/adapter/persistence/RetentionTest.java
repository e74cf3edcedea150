package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples.RandomIds;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase.PlaceLegalHoldCommand;
import io.flagtrail.application.port.in.PurgeLedgerUseCase.PurgeRun;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.LegalHoldService;
import io.flagtrail.application.service.audit.VerifyBundleService;
import io.flagtrail.application.service.feature.FeatureQueryService;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.ledger.PurgeRecord;
import io.flagtrail.domain.ledger.VerificationFailure;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Retention on a real database (PostgreSQL and H2 by the subclasses): entries older than the retention period and
 * below the latest checkpoint are purged in batches under a signed purge record, entries under a legal hold stay,
 * and what remains verifies — online and offline — while a held entry deleted outside the purge is caught.
 * One ledger per class: "old" changes to two features, one of them held, then "new" changes after the cutoff.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RetentionTest extends DatabaseTest {

    static final Duration RETENTION = Duration.ofHours(1);

    LedgerServices sealed;
    FeatureKey held;
    FeatureKey expired;
    PurgeRun run;
    long oldEntries;

    @BeforeAll
    void purgeAnOldLedgerWithOneHeldFeature() throws InterruptedException {
        held = uniqueKey();
        expired = uniqueKey();
        changes(held, 4);
        changes(expired, 6);
        oldEntries = 10;
        var holds = new LegalHoldService(this.holds, new AuditTrail(ledger, clock, new RandomIds()), transactions,
                clock, new RandomIds());
        holds.place(new PlaceLegalHoldCommand("feature", held.value(), "litigation 2026-17", ORIGIN));
        oldEntries++;
        sealed = new LedgerServices(stores());
        sealed.sealAll();
        Instant cutoff = clock.now(); // after every change above, before every change below
        changes(expired, 3);
        sealed.sealAll();

        run = sealed.purger(cutoff.plus(RETENTION), RETENTION, 3).purgeDue();
    }

    @Test
    void the_purge_covers_exactly_the_entries_older_than_the_retention_period() {
        assertTrue(run.newRecord());
        assertEquals(oldEntries, run.record().purgedTo());
        assertEquals(4, run.record().retained().size(), "the held feature's four entries stay");
        assertEquals(oldEntries - 4, run.deleted(), "everything else up to purgedTo went, in batches of 3");
        assertEquals(run.record(), retention.latestPurge().orElseThrow());
    }

    @Test
    void held_entries_stay_and_expired_ones_are_gone() {
        assertEquals(4, history(held).size());
        var left = history(expired);
        assertEquals(3, left.size(), "only the changes inside the retention period remain");
    }

    @Test
    void the_purge_is_itself_recorded_in_the_ledger() {
        var recorded = ledger.query(new AuditQuery(null, null, null, null, AuditAction.LEDGER_PURGED, null, null, null,
                10, null)).items();
        assertEquals(1, recorded.size());
        assertEquals("system", recorded.getFirst().actor().type().name().toLowerCase(java.util.Locale.ROOT));
        assertEquals(oldEntries, ((Number) recorded.getFirst().after().get("purgedTo")).longValue());
    }

    @Test
    void what_remains_verifies_under_the_purge_record() {
        sealed.sealAll();
        var report = sealed.verify(null, null);
        assertTrue(report.verified(), report.summary());
        assertNotNull(report.purge());
        assertTrue(report.summary().contains("purged by retention"), report.summary());
    }

    @Test
    void a_range_starting_inside_the_purged_positions_verifies_too() {
        sealed.sealAll();
        var report = sealed.verify(3L, null);
        assertTrue(report.verified(), report.summary());
    }

    @Test
    void the_evidence_bundle_carries_the_purge_record_and_verifies_offline() throws Exception {
        sealed.sealAll();
        var offline = new VerifyBundleService().verify(new ByteArrayInputStream(sealed.bundle()));
        assertTrue(offline.verified(), offline.summary());
        assertEquals(oldEntries, offline.purge().purgedTo());
    }

    @Test
    void running_again_with_nothing_newly_expired_signs_nothing_and_deletes_nothing() {
        var again = sealed.purger(Instant.now().minus(RETENTION).minusSeconds(1), RETENTION, 3).purgeDue();
        assertFalse(again.newRecord());
        assertEquals(0, again.deleted());
    }

    @Test
    void a_forged_purge_record_does_not_verify() {
        var real = run.record();
        var forged = new PurgeRecord(real.purgedTo(), real.hashAtPurgedTo(), new java.util.TreeMap<>(), real.issuedAt(),
                real.keyId(), real.signature());
        assertFalse(forged.signatureValid(sealed.signer.publicKeys().get(real.keyId())),
                "dropping the retained list from a signed record breaks its signature");
    }

    @Test
    void state_as_of_an_instant_is_still_told_after_the_purge_or_said_to_be_purged() {
        var queries = new FeatureQueryService(features, projects, ledger,
                new AuditTrail(ledger, Instant::now, new RandomIds()), transactions);
        var live = io.flagtrail.application.contract.Samples.stored(features, expired).orElseThrow();

        assertEquals(live, queries.asOf(io.flagtrail.application.contract.Samples.SOLO, expired, Instant.now(), ORIGIN),
                "creation comes from the live row once its entry is purged");
        var purged = assertThrows(NotFound.class, () -> queries.asOf(io.flagtrail.application.contract.Samples.SOLO, expired, live.createdAt(), ORIGIN));
        assertEquals("feature.history_purged", purged.code());
    }

    /** Deleting a held entry outside the purge, as a database owner could, is caught at its position. */
    @Test
    void a_held_entry_deleted_behind_the_purge_is_a_gap_at_its_position() {
        long victim = run.record().retained().firstKey();
        ownerDeletes(victim);
        try {
            var report = sealed.verify(null, null);
            assertFalse(report.verified(), report.summary());
            assertEquals(VerificationFailure.GAP, report.failure(), report.summary());
            assertEquals(victim, report.failedAt(), report.summary());
        } finally {
            restoreDeleted();
        }
    }

    /** Deletes one row bypassing every guard (and keeps it aside for {@link #restoreDeleted}). */
    abstract void ownerDeletes(long position);

    abstract void restoreDeleted();

    List<?> history(FeatureKey key) {
        var id = io.flagtrail.application.contract.Samples.stored(features, key).orElseThrow().id().toString();
        return ledger.query(AuditQuery.forSubject("feature", id, 50, null)).items();
    }
}
