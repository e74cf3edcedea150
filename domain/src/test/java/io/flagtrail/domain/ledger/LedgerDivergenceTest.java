package io.flagtrail.domain.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The rule that says whether the stored ledger still extends a checkpoint vouched for outside it. */
class LedgerDivergenceTest {

    final KeyPair key = TestChains.keyPair();
    final String head = "a".repeat(64);
    final Checkpoint trusted = sign(12, head);

    @Test
    void the_same_head_and_the_same_checkpoint_is_no_divergence() {
        assertEquals(Optional.empty(), LedgerDivergence.between(trusted, 20, head, Optional.of(trusted), keys(), null));
    }

    @Test
    void each_disagreement_names_its_position_and_cause() {
        assertDiverged(LedgerDivergence.between(trusted, 9, null, Optional.of(trusted), keys(), null), 10, "tail");
        assertDiverged(LedgerDivergence.between(trusted, 20, "b".repeat(64), Optional.of(trusted), keys(), null), 12,
                "rewritten");
        assertDiverged(LedgerDivergence.between(trusted, 20, head, Optional.empty(), keys(), null), 12, "deleted");
        assertDiverged(LedgerDivergence.between(trusted, 20, head, Optional.of(sign(12, "c".repeat(64))), keys(), null),
                12, "replaced");
        assertDiverged(LedgerDivergence.between(trusted, 20, head, Optional.of(trusted),
                Map.of("k1", Base64.getEncoder().encodeToString(TestChains.keyPair().getPublic().getEncoded())), null),
                12, "signing key was replaced");
    }

    @Test
    void below_a_purge_the_missing_entry_is_the_purge_records_to_vouch_for() {
        var purge = new PurgeRecord(15, "d".repeat(64), new TreeMap<>(), Instant.parse("2026-02-01T00:00:00Z"), "k1", "s");

        assertEquals(Optional.empty(), LedgerDivergence.between(trusted, 20, null, Optional.of(trusted), keys(), purge));
        assertDiverged(LedgerDivergence.between(trusted, 20, null, Optional.of(trusted), keys(), null), 12, "no sealed entry");
    }

    private static void assertDiverged(Optional<LedgerDivergence> found, long position, String cause) {
        var divergence = found.orElseThrow();
        assertEquals(position, divergence.position(), divergence.detail());
        assertTrue(divergence.detail().contains(cause), divergence.detail());
    }

    private Map<String, String> keys() {
        return Map.of("k1", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()));
    }

    private Checkpoint sign(long size, String headHash) {
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        return new Checkpoint(size, headHash, issued, "k1",
                TestChains.sign(key, Checkpoint.statement(size, headHash, issued, "k1")));
    }
}
