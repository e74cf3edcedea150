package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.persistence.audit.LedgerForm;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.VerificationFailure;
import io.flagtrail.domain.ledger.VerificationReport;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering with the ledger as its database owner would — triggers off, any SQL — is detected at the right
 * position. Each test starts from the same sealed ledger of 12 entries with a checkpoint at 12, restored after.
 */
@MicronautTest(transactional = false, startApplication = false)
class PostgresTamperTest extends DatabaseTest {

    LedgerServices sealed;

    @Override
    TestDatabase.Target database() {
        return TestDatabase.postgres();
    }

    @BeforeAll
    void buildLedger() {
        var recorder = recorder();
        var key = uniqueKey();
        recorder.create(command(key, null));
        var update = recorder;
        for (int i = 1; i < 12; i++) {
            update.update(new UpdateFeatureCommand(io.flagtrail.application.contract.Samples.SOLO, key, new FeaturePatch(null, null, i, null, null), null, null, ORIGIN));
        }
        sealed = new LedgerServices(stores());
        sealed.sealAll();
        assertEquals(12, chain.head().size());
        LedgerSnapshot.take(database);
    }

    @BeforeEach
    @AfterEach
    void restore() {
        LedgerSnapshot.restore(database);
    }

    @Test
    void the_untouched_ledger_verifies_under_its_checkpoint() {
        var report = verify();
        assertTrue(report.verified(), report.summary());
        assertEquals(12, report.verifiedUpTo());
        assertEquals(12, report.checkpoint().size());
    }

    @Test
    void without_owner_rights_the_database_refuses_even_a_one_field_change() {
        assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "UPDATE audit_entries SET reason = 'x' WHERE position = 5"));
        assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "UPDATE audit_entries SET position = 99 WHERE position = 5"));
        assertThrows(IllegalStateException.class,
                () -> TestDatabase.execute(database, "UPDATE ledger_checkpoints SET signature = 'x'"));
    }

    @Test
    void a_changed_field_is_found_at_its_position() {
        owner("UPDATE audit_entries SET reason = 'approved by the CFO' WHERE position = 5");
        assertFailure(verify(), 5, VerificationFailure.HASH_MISMATCH);
    }

    @Test
    void a_changed_snapshot_is_found_at_its_position() {
        owner("UPDATE audit_entries SET after_state = replace(after_state, '\"enabled\":false', '\"enabled\":true') "
                + "WHERE position = 3");
        assertFailure(verify(), 3, VerificationFailure.HASH_MISMATCH);
    }

    @Test
    void a_deleted_row_is_a_gap_at_its_position() {
        owner("DELETE FROM audit_entries WHERE position = 7");
        assertFailure(verify(), 7, VerificationFailure.GAP);
    }

    @Test
    void deleting_the_newest_rows_is_caught_by_the_checkpoint() {
        owner("DELETE FROM audit_entries WHERE position > 10");
        assertFailure(verify(), 11, VerificationFailure.GAP);
    }

    @Test
    void swapped_rows_break_the_chain_where_the_first_one_now_stands() {
        // 9,999,999: a free position inside the first partition (a position outside every partition is refused)
        owner("UPDATE audit_entries SET position = 9999999 WHERE position = 4; "
                + "UPDATE audit_entries SET position = 4 WHERE position = 6; "
                + "UPDATE audit_entries SET position = 6 WHERE position = 9999999");
        assertFailure(verify(), 4, VerificationFailure.BROKEN_LINK);
    }

    @Test
    void a_forged_row_with_a_correct_hash_breaks_the_link_of_the_row_after_it() throws SQLException {
        // Make room at position 6, then insert a copy of row 5 re-worded, linked and hashed by the rules.
        owner("UPDATE audit_entries SET position = position + 5000000 WHERE position > 5; "
                + "UPDATE audit_entries SET position = position - 4999999 WHERE position > 5000000; "
                + "INSERT INTO audit_entries (id, category, action, outcome, severity, actor_type, actor_id, actor_name, "
                + "actor_email, subject_type, subject_id, subject_key, reason, before_state, after_state, changes, "
                + "request_id, traceparent, channel, client_ip, user_agent, occurred_at, position, prev_hash, hash) "
                + "SELECT gen_random_uuid(), category, action, outcome, severity, actor_type, actor_id, actor_name, "
                + "actor_email, subject_type, subject_id, subject_key, 'forged', before_state, after_state, changes, "
                + "request_id, traceparent, channel, client_ip, user_agent, occurred_at, 6, hash, 'pending' "
                + "FROM audit_entries WHERE position = 5");
        String forgedHash;
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var select = connection.createStatement();
             var row = select.executeQuery("SELECT * FROM audit_entries WHERE position = 6")) {
            row.next();
            forgedHash = LedgerHash.of(LedgerForm.fields(row), 6, row.getString("prev_hash"));
        }
        owner("UPDATE audit_entries SET hash = '" + forgedHash + "' WHERE position = 6");

        assertFailure(verify(), 7, VerificationFailure.BROKEN_LINK);
    }

    @Test
    void an_altered_checkpoint_signature_is_found_at_the_checkpoint() {
        var latest = checkpoints.latest().orElseThrow();
        var signature = Base64.getDecoder().decode(latest.signature());
        signature[10] ^= 0x01;
        owner("UPDATE ledger_checkpoints SET signature = '" + Base64.getEncoder().encodeToString(signature)
                + "' WHERE size = " + latest.size());
        assertFailure(verify(), 12, VerificationFailure.BAD_SIGNATURE);
    }

    @Test
    void a_rewritten_checkpoint_head_is_found_at_the_checkpoint() {
        owner("UPDATE ledger_checkpoints SET head_hash = '" + "f".repeat(64) + "' WHERE size = 12");
        assertFailure(verify(), 12, VerificationFailure.CHECKPOINT_MISMATCH);
    }

    private VerificationReport verify() {
        return sealed.verify(1L, 12L);
    }

    private void owner(String sql) {
        TestDatabase.execute(database, LedgerSnapshot.AS_OWNER + sql);
    }

    private static void assertFailure(VerificationReport report, long position, VerificationFailure failure) {
        assertFalse(report.verified(), report.summary());
        assertEquals(failure, report.failure(), report.summary());
        assertEquals(position, report.failedAt(), report.summary());
    }
}
