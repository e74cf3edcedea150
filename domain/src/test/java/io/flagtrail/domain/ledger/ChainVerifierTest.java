package io.flagtrail.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.ledger.TestChains.Stored;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    final KeyPair key = TestChains.keyPair();
    final List<Stored> chain = TestChains.chain(10);
    final Checkpoint checkpoint = sign(8, chain.get(7).hash());

    @Test
    void an_untouched_chain_verifies_under_its_checkpoint() {
        var report = verify(chain, List.of(checkpoint));

        assertTrue(report.verified(), report.summary());
        assertEquals(10, report.verifiedUpTo());
        assertEquals(8, report.checkpoint().size());
        assertEquals("verified up to position 10 under checkpoint 8 signed by key k1", report.summary());
    }

    @Test
    void a_changed_field_is_a_hash_mismatch_at_its_position() {
        var tampered = new ArrayList<>(chain);
        var fields = new HashMap<>(chain.get(3).fields());
        fields.put("reason", "forged");
        tampered.set(3, new Stored(4, chain.get(3).prevHash(), chain.get(3).hash(), fields));

        assertFailure(verify(tampered, List.of(checkpoint)), 4, VerificationFailure.HASH_MISMATCH);
    }

    @Test
    void a_removed_entry_is_a_gap() {
        var tampered = new ArrayList<>(chain);
        tampered.remove(5);

        assertFailure(verify(tampered, List.of(checkpoint)), 6, VerificationFailure.GAP);
    }

    @Test
    void removed_entries_at_the_end_are_a_gap_when_a_checkpoint_counted_them() {
        assertFailure(verify(chain.subList(0, 6), List.of(checkpoint)), 7, VerificationFailure.GAP);
    }

    @Test
    void swapped_entries_break_the_link() {
        var tampered = new ArrayList<>(chain);
        var third = chain.get(2);
        var fourth = chain.get(3);
        tampered.set(2, new Stored(3, fourth.prevHash(), fourth.hash(), fourth.fields()));
        tampered.set(3, new Stored(4, third.prevHash(), third.hash(), third.fields()));

        assertFailure(verify(tampered, List.of(checkpoint)), 3, VerificationFailure.BROKEN_LINK);
    }

    @Test
    void a_rewritten_tail_is_caught_by_the_checkpoint() {
        var forged = new ArrayList<>(chain.subList(0, 4));
        var rest = TestChains.chain(10).subList(4, 10); // another history that chains from its own start
        String prev = forged.getLast().hash();
        for (var entry : rest) {
            var fields = new HashMap<>(entry.fields());
            fields.put("reason", "rewritten");
            String hash = LedgerHash.of(fields, entry.position(), prev);
            forged.add(new Stored(entry.position(), prev, hash, fields));
            prev = hash;
        }

        assertFailure(verify(forged, List.of(checkpoint)), 8, VerificationFailure.CHECKPOINT_MISMATCH);
    }

    @Test
    void a_duplicated_position_is_a_reordering() {
        var tampered = new ArrayList<>(chain.subList(0, 5));
        tampered.add(chain.get(4));

        assertFailure(verify(tampered, List.of()), 5, VerificationFailure.REORDERED);
    }

    @Test
    void an_altered_signature_or_an_unknown_key_fails_at_the_checkpoint() {
        var signature = Base64.getDecoder().decode(checkpoint.signature());
        signature[0] ^= 1;
        var altered = new Checkpoint(8, checkpoint.headHash(), checkpoint.issuedAt(), "k1",
                Base64.getEncoder().encodeToString(signature));
        var unknown = new Checkpoint(8, checkpoint.headHash(), checkpoint.issuedAt(), "k9", checkpoint.signature());

        assertFailure(verify(chain, List.of(altered)), 8, VerificationFailure.BAD_SIGNATURE);
        assertFailure(verify(chain, List.of(unknown)), 8, VerificationFailure.UNKNOWN_KEY);
    }

    @Test
    void a_range_starts_from_the_stored_hash_before_it() {
        var verifier = new ChainVerifier(5, Long.MAX_VALUE, chain.get(3).hash(), List.of(checkpoint), keys(), null);
        chain.subList(4, 10).forEach(e -> verifier.accept(e.position(), e.prevHash(), e.hash(),
                LedgerHash.of(e.fields(), e.position(), e.prevHash())));

        var report = verifier.finish();
        assertTrue(report.verified());
        assertEquals(6, report.entriesChecked());
    }

    private void assertFailure(VerificationReport report, long position, VerificationFailure failure) {
        assertFalse(report.verified());
        assertEquals(failure, report.failure(), report.summary());
        assertEquals(position, report.failedAt(), report.summary());
    }

    private VerificationReport verify(List<Stored> entries, List<Checkpoint> checkpoints) {
        var verifier = new ChainVerifier(1, Long.MAX_VALUE, LedgerHash.GENESIS, checkpoints, keys(), null);
        for (var e : entries) {
            verifier.accept(e.position(), e.prevHash(), e.hash(), LedgerHash.of(e.fields(), e.position(), e.prevHash()));
        }
        return verifier.finish();
    }

    private Map<String, String> keys() {
        return Map.of("k1", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    }

    private Checkpoint sign(long size, String head) {
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        return new Checkpoint(size, head, issued, "k1", TestChains.sign(key, Checkpoint.statement(size, head, issued, "k1")));
    }
}
