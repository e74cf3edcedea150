package io.flagtrail.domain.ledger;

import io.flagtrail.domain.json.RawJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.ledger.TestChains.Stored;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Verification of a ledger purged by retention: a chain of 12 entries purged up to 8 under a signed record that
 * retains positions 3 and 6, with a checkpoint at 8 (whose entry is gone) and one at 12.
 */
class PurgedChainVerifierTest {

    final KeyPair key = TestChains.keyPair();
    final List<Stored> chain = TestChains.chain(12);
    final PurgeRecord purge = purge(8, Map.of(3L, chain.get(2).hash(), 6L, chain.get(5).hash()));
    final List<Checkpoint> checkpoints = List.of(checkpoint(8), checkpoint(12));

    @Test
    void what_the_purge_left_verifies_under_its_record() {
        var report = verify(remaining(), purge);

        assertTrue(report.verified(), report.summary());
        assertEquals(12, report.verifiedUpTo());
        assertEquals(12, report.checkpoint().size());
        assertTrue(report.summary().endsWith("positions up to 8 were purged by retention under a signed purge record, "
                + "2 held entries retained"), report.summary());
    }

    @Test
    void a_purge_still_deleting_verifies_too() {
        var partly = new ArrayList<>(remaining());
        partly.add(0, chain.get(0));
        partly.add(1, chain.get(1));
        partly.sort(java.util.Comparator.comparingLong(Stored::position));

        assertTrue(verify(partly, purge).verified());
    }

    @Test
    void without_the_record_the_purged_positions_are_a_gap() {
        assertFailure(verify(remaining(), null), 1, VerificationFailure.GAP);
    }

    @Test
    void a_retained_entry_deleted_afterwards_is_a_gap_at_its_position() {
        var tampered = new ArrayList<>(remaining());
        tampered.removeIf(e -> e.position() == 6);

        assertFailure(verify(tampered, purge), 6, VerificationFailure.GAP);
    }

    @Test
    void a_retained_entry_changed_and_rehashed_differs_from_the_record() {
        var tampered = new ArrayList<>(remaining());
        var original = chain.get(2);
        Map<String, Object> fields = Map.of("action", "FEATURE_UPDATED", "reason", "forged",
                "after", new RawJson("{\"rolloutPercentage\":3}"));
        tampered.set(0, new Stored(3, original.prevHash(), LedgerHash.of(fields, 3, original.prevHash()), fields));

        assertFailure(verify(tampered, purge), 3, VerificationFailure.PURGE_MISMATCH);
    }

    @Test
    void a_record_whose_retained_list_was_edited_is_a_bad_signature() {
        var edited = new PurgeRecord(8, purge.hashAtPurgedTo(), new TreeMap<>(Map.of(3L, chain.get(2).hash())),
                purge.issuedAt(), "k1", purge.signature());
        var withoutSix = new ArrayList<>(remaining());
        withoutSix.removeIf(e -> e.position() == 6);

        assertFailure(verify(withoutSix, edited), 8, VerificationFailure.BAD_SIGNATURE);
    }

    @Test
    void the_entry_after_the_purge_must_link_to_the_records_hash() {
        var wrongResume = purge(8, Map.of(3L, chain.get(2).hash(), 6L, chain.get(5).hash()), chain.get(6).hash());

        assertFailure(verify(remaining(), wrongResume), 9, VerificationFailure.BROKEN_LINK);
    }

    @Test
    void a_range_starting_inside_the_purge_verifies_from_the_record() {
        var verifier = new ChainVerifier(5, 12, LedgerHash.GENESIS, checkpoints, keys(), purge);
        remaining().stream().filter(e -> e.position() >= 5).forEach(e -> feed(verifier, e));

        var report = verifier.finish();
        assertTrue(report.verified(), report.summary());
        assertEquals(12, report.verifiedUpTo());
    }

    private List<Stored> remaining() {
        return chain.stream().filter(e -> e.position() > 8 || purge.retained().containsKey(e.position())).toList();
    }

    private VerificationReport verify(List<Stored> entries, PurgeRecord record) {
        var verifier = new ChainVerifier(1, 12, LedgerHash.GENESIS, checkpoints, keys(), record);
        entries.forEach(e -> feed(verifier, e));
        return verifier.finish();
    }

    private static void feed(ChainVerifier verifier, Stored e) {
        verifier.accept(e.position(), e.prevHash(), e.hash(), LedgerHash.of(e.fields(), e.position(), e.prevHash()));
    }

    private static void assertFailure(VerificationReport report, long position, VerificationFailure failure) {
        assertFalse(report.verified(), report.summary());
        assertEquals(failure, report.failure(), report.summary());
        assertEquals(position, report.failedAt(), report.summary());
    }

    private Map<String, String> keys() {
        return Map.of("k1", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    }

    private PurgeRecord purge(long purgedTo, Map<Long, String> retained) {
        return purge(purgedTo, retained, chain.get((int) purgedTo - 1).hash());
    }

    private PurgeRecord purge(long purgedTo, Map<Long, String> retained, String hashAt) {
        var issued = Instant.parse("2026-02-01T00:00:00Z");
        var sorted = new TreeMap<>(retained);
        return new PurgeRecord(purgedTo, hashAt, sorted, issued, "k1",
                sign(PurgeRecord.statement(purgedTo, hashAt, sorted, issued, "k1")));
    }

    private Checkpoint checkpoint(long size) {
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        String head = chain.get((int) size - 1).hash();
        return new Checkpoint(size, head, issued, "k1", sign(Checkpoint.statement(size, head, issued, "k1")));
    }

    private String sign(byte[] statement) {
        return TestChains.sign(key, statement);
    }
}
