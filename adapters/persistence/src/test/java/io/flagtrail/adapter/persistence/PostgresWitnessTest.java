package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.audit.LedgerForm;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.fakes.InMemoryWitness;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.service.audit.VerifyBundleService;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.VerificationFailure;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayInputStream;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The attacks of issue 17 by a database owner (triggers off, any SQL, the checkpoint table included) on a ledger of
 * 15 sealed entries whose checkpoints at 12 and 15 a witness holds. After each attack the service restarts (a new
 * process: nothing in memory) and is given a new change to seal: it must seal and sign nothing, record the divergence
 * once with its position, and the online verification must fail there, although the rewritten chain alone verifies.
 */
@MicronautTest(transactional = false, startApplication = false)
class PostgresWitnessTest extends DatabaseTest {

    LedgerServices service;
    LedgerServices witnessed;
    FeatureKey key;

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    @BeforeAll
    void aWitnessedLedger() {
        key = uniqueKey();
        recorder().create(command(key, null));
        changes(11);
        witnessed = new LedgerServices(stores());
        witnessed.sealAll();
        witnessed.witnessing.synchronize();
        changes(3);
        witnessed.sealAll();
        witnessed.witnessing.synchronize();
        assertEquals(List.of(12L, 15L), witnessed.witness.held().stream().map(Checkpoint::size).toList());
        LedgerSnapshot.take(database);
    }

    @BeforeEach
    @AfterEach
    void restore() {
        // The witness as it was too: what one test publishes (checkpoint 16) would make the next test's restored
        // ledger a truncation, rightly.
        service = new LedgerServices(stores(), InMemoryWitness.holding(witnessed.witness.held()), witnessed.signer);
        LedgerSnapshot.restore(database);
    }

    @Test
    void untouched_the_restarted_service_seals_signs_and_the_witness_takes_the_next_checkpoint() {
        var restarted = service.restarted();
        changes(1);

        restarted.sealAll();
        var round = restarted.witnessing.synchronize().getFirst();

        assertEquals(16, chain.head().size());
        assertEquals(16, checkpoints.latest().orElseThrow().size());
        assertTrue(restarted.trust.divergence().isEmpty());
        assertEquals(16, round.witnessedSize(), String.valueOf(round.error()));
        assertTrue(restarted.verify(null, null).verified());
    }

    @Test
    void an_edited_entry_rechained_with_the_checkpoints_above_it_deleted_is_caught_and_never_signed() throws SQLException {
        owner("UPDATE audit_entries SET reason = 'approved by the CFO' WHERE position = 5");
        rechainFrom(5);
        owner("DELETE FROM ledger_checkpoints WHERE size >= 5");
        var chainAlone = service.restarted();
        chainAlone.witness.down(true); // what the service saw before witnesses: the rewritten chain verifies
        assertTrue(verifyChainOnly(chainAlone), "the rewritten chain is consistent on its own");
        chainAlone.witness.down(false);

        assertNothingSignedAndDivergedAt(15, "rewritten");
    }

    @Test
    void a_rechained_ledger_with_its_checkpoints_kept_is_caught_at_the_witnessed_size() throws SQLException {
        owner("UPDATE audit_entries SET reason = 'approved by the CFO' WHERE position = 14");
        rechainFrom(14);

        assertNothingSignedAndDivergedAt(15, "rewritten");
    }

    @Test
    void a_truncated_tail_is_caught_where_it_ends() {
        owner("DELETE FROM audit_entries WHERE position > 13; DELETE FROM ledger_checkpoints WHERE size > 13");

        assertNothingSignedAndDivergedAt(14, "removed from its tail");
    }

    @Test
    void an_old_backup_restored_over_the_ledger_is_a_truncation() {
        owner("DELETE FROM audit_entries WHERE position > 12; DELETE FROM ledger_checkpoints WHERE size > 12");

        assertNothingSignedAndDivergedAt(13, "removed from its tail");
    }

    @Test
    void a_replaced_checkpoint_is_caught_at_its_size() {
        owner("UPDATE ledger_checkpoints SET head_hash = '" + "f".repeat(64) + "' WHERE size = 15");

        assertNothingSignedAndDivergedAt(15, "replaced");
    }

    @Test
    void a_replaced_signing_key_is_caught_at_the_witnessed_checkpoint() {
        var withAnotherKey = new LedgerServices(stores(), service.witness, new GeneratedKeySigner());
        changes(1);

        withAnotherKey.sealAll();

        assertEquals(15, chain.head().size(), "nothing sealed");
        assertEquals(15, checkpoints.latest().orElseThrow().size(), "nothing signed");
        var divergence = withAnotherKey.trust.divergence().orElseThrow();
        assertEquals(15, divergence.position());
        assertTrue(divergence.detail().contains("signing key was replaced"), divergence.detail());
    }

    /**
     * The offline half: a service that knows no witness (as before issue 17) is made to sign over the rewritten
     * ledger with the real key; a reviewer holding the checkpoints of the earlier bundle still finds it, at the
     * first trusted checkpoint the rewrite contradicts.
     */
    @Test
    void an_offline_reviewer_with_earlier_checkpoints_catches_a_rewritten_ledger_signed_with_the_real_key()
            throws Exception {
        var trusted = checkpoints.within(1, 15);
        owner("UPDATE audit_entries SET reason = 'approved by the CFO' WHERE position = 5");
        rechainFrom(5);
        owner("DELETE FROM ledger_checkpoints WHERE size >= 5");
        // thorough: the tree goes too, so the blind service rebuilds it from the rewritten chain (left in place, the
        // honest tree would make the service sign a root the rewritten entries do not give: ROOT_MISMATCH)
        owner("DELETE FROM ledger_tree_nodes");
        var blind = new LedgerServices(stores(), new InMemoryWitness(), witnessed.signer);
        changes(1);
        blind.sealAll();
        var rewritten = blind.bundle();

        var alone = new VerifyBundleService().verify(new ByteArrayInputStream(rewritten));
        var reviewed = new VerifyBundleService().verify(new ByteArrayInputStream(rewritten), trusted);

        assertTrue(alone.verified(), "on its own the rewritten bundle verifies: " + alone.summary());
        assertFalse(reviewed.verified());
        assertEquals(VerificationFailure.DIVERGED, reviewed.failure(), reviewed.summary());
        assertEquals(12, reviewed.failedAt(), reviewed.summary());
    }

    private void assertNothingSignedAndDivergedAt(long position, String why) {
        long checkpointsBefore = checkpoints.latest().map(Checkpoint::size).orElse(0L);
        long headBefore = chain.head().size();
        var restarted = service.restarted();
        changes(1);

        restarted.sealAll();
        var witnessed = restarted.witnessing.synchronize().getFirst();
        var report = restarted.verify(null, null);

        assertEquals(headBefore, chain.head().size(), "nothing sealed onto the rewritten ledger");
        assertEquals(checkpointsBefore, checkpoints.latest().map(Checkpoint::size).orElse(0L), "nothing signed");
        var divergence = restarted.trust.divergence().orElseThrow();
        assertEquals(position, divergence.position(), divergence.detail());
        assertTrue(divergence.detail().contains(why), divergence.detail());
        assertTrue(witnessed.error() != null && witnessed.error().startsWith("diverged"), String.valueOf(witnessed.error()));
        assertEquals(15, witnessed.witnessedSize());
        assertFalse(report.verified());
        assertEquals(position, report.failedAt(), report.summary());
        assertTrue(report.failure() == VerificationFailure.DIVERGED
                || report.failure() == VerificationFailure.CHECKPOINT_MISMATCH, report.summary());
        var recorded = ledger.query(new AuditQuery(null, null, null, null, AuditAction.LEDGER_DIVERGED, null, null,
                null, 10, null)).items();
        assertEquals(1, recorded.size(), "recorded once, however often it is found");
        assertEquals(position, ((Number) recorded.getFirst().after().get("position")).longValue());
    }

    /** The ledger's own chain checks alone, as verification did before witnesses: no trusted checkpoint. */
    private boolean verifyChainOnly(LedgerServices services) {
        return services.verify(null, null).verified();
    }

    /** What an owner who knows the documented hash rule does: recompute every hash from {@code from} on. */
    private void rechainFrom(long from) throws SQLException {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            connection.createStatement().execute("SET session_replication_role = replica");
            String prev;
            try (var before = connection.createStatement().executeQuery(
                    "SELECT hash FROM audit_entries WHERE position = " + (from - 1))) {
                before.next();
                prev = before.getString(1);
            }
            var updates = new ArrayList<String>();
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT * FROM audit_entries WHERE position >= " + from + " ORDER BY position")) {
                while (rows.next()) {
                    long position = rows.getLong("position");
                    String hash = LedgerHash.of(LedgerForm.fields(rows), position, prev);
                    updates.add("UPDATE audit_entries SET prev_hash = '" + prev + "', hash = '" + hash
                            + "' WHERE position = " + position);
                    prev = hash;
                }
            }
            for (var update : updates) {
                connection.createStatement().execute(update);
            }
        }
    }

    private void changes(int count) {
        for (int i = 0; i < count; i++) {
            recorder().update(new UpdateFeatureCommand(io.flagtrail.application.contract.Samples.SOLO, key, new FeaturePatch("v" + System.nanoTime(), null, null, null,
                    null), null, null, ORIGIN));
        }
    }

    private void owner(String sql) {
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + sql);
    }
}
