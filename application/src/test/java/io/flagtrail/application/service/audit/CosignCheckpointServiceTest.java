package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.InMemoryWitnessedCheckpoints;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.PermissionDenied;
import io.flagtrail.domain.error.Unavailable;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.MerkleTree;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The witness against a log it was given the key of, with real trees and real signatures: it takes a checkpoint
 * only as a proven extension of the one it holds, and refuses every way a log owner could try to move it backwards
 * or sideways (a rewritten history signed with the real key included).
 */
class CosignCheckpointServiceTest {

    static final String LOG = "prod";

    final GeneratedKeySigner logKey = new GeneratedKeySigner();
    final GeneratedKeySigner witnessKey = new GeneratedKeySigner();
    final FixedClock clock = new FixedClock(Instant.parse("2026-12-03T10:00:00Z"));
    final CosignCheckpointService witness = new CosignCheckpointService(new InMemoryWitnessedCheckpoints(), witnessKey,
            new InMemoryTransactions(), clock, new RecordingLogger(), Map.of(LOG, logKey.publicKeys()));

    @Test
    void it_takes_the_first_checkpoint_and_then_only_proven_extensions_each_cosigned() {
        var history = leaves("a", 40);
        var first = witness.add(LOG, 0, List.of(), checkpoint(logKey, history, 10));
        var second = witness.add(LOG, 10, proof(history, 10, 40), checkpoint(logKey, history, 40));

        assertEquals(40, witness.latest(LOG).checkpoint().size());
        String witnessPublicKey = witnessKey.publicKeys().get(witnessKey.keyId());
        assertTrue(first.cosignature().valid(witnessPublicKey, first.checkpoint()));
        assertTrue(second.cosignature().valid(witnessPublicKey, second.checkpoint()));
        assertEquals(LOG, second.cosignature().origin());
        assertEquals(second, witness.add(LOG, 40, List.of(), checkpoint(logKey, history, 40)),
                "the same tree again is answered with the cosignature given before");
    }

    @Test
    void a_witness_whose_signer_is_down_takes_nothing_and_says_when_to_offer_again() {
        var history = leaves("a", 10);
        witnessKey.down(true);

        var refused = assertThrows(Unavailable.class, () -> witness.add(LOG, 0, List.of(), checkpoint(logKey, history, 10)));

        assertEquals("witness.signer_unavailable", refused.code());
        assertTrue(refused.retryAfter().toSeconds() > 0);
        assertThrows(NotFound.class, () -> witness.latest(LOG), "nothing was taken without its cosignature");
        witnessKey.down(false);
        assertEquals(10, witness.add(LOG, 0, List.of(), checkpoint(logKey, history, 10)).checkpoint().size());
    }

    @Test
    void a_rewritten_history_signed_with_the_logs_own_key_is_refused() {
        var history = leaves("a", 30);
        witness.add(LOG, 0, List.of(), checkpoint(logKey, history, 12));
        var rewritten = leaves("a", 30);
        rewritten.set(5, leaf("changed"));

        var refused = assertThrows(InvalidInput.class, () -> witness.add(LOG, 12, proof(rewritten, 12, 30),
                checkpoint(logKey, rewritten, 30)));
        assertEquals("consistency", refused.violations().getFirst().field());
        var fork = assertThrows(Conflict.class, () -> witness.add(LOG, 12, List.of(), checkpoint(logKey, rewritten, 12)));
        assertEquals("witness.fork", fork.code());
        assertEquals(12, witness.latest(LOG).checkpoint().size(), "nothing refused was kept");
    }

    @Test
    void a_stale_old_size_an_older_checkpoint_a_foreign_key_and_an_unknown_log_are_refused() {
        var history = leaves("a", 30);
        witness.add(LOG, 0, List.of(), checkpoint(logKey, history, 20));

        assertEquals("witness.old_size", assertThrows(Conflict.class,
                () -> witness.add(LOG, 12, proof(history, 12, 30), checkpoint(logKey, history, 30))).code());
        assertEquals("witness.older", assertThrows(Conflict.class,
                () -> witness.add(LOG, 20, List.of(), checkpoint(logKey, history, 15))).code());
        assertThrows(PermissionDenied.class, () -> witness.add(LOG, 20, proof(history, 20, 30),
                checkpoint(new GeneratedKeySigner(), history, 30)));
        assertThrows(NotFound.class, () -> witness.add("staging", 0, List.of(), checkpoint(logKey, history, 30)));
        assertThrows(NotFound.class, () -> witness.latest("staging"));
        var versionOne = new Checkpoint(30, hex(history.get(29)), clock.now(), logKey.keyId(), "");
        var signedV1 = new Checkpoint(30, versionOne.headHash(), versionOne.issuedAt(), logKey.keyId(),
                logKey.sign(versionOne.statement()));
        assertThrows(InvalidInput.class, () -> witness.add(LOG, 20, List.of(), signedV1), "no root, nothing to prove");
        assertEquals(20, witness.latest(LOG).checkpoint().size());
    }

    private Checkpoint checkpoint(GeneratedKeySigner key, List<byte[]> leaves, int size) {
        clock.advance(Duration.ofSeconds(1));
        String root = hex(MerkleTree.root(nodes(leaves), size));
        String head = hex(leaves.get(size - 1));
        var statement = Checkpoint.statement(size, head, root, Checkpoint.NONE, clock.now(), key.keyId());
        return new Checkpoint(size, head, root, Checkpoint.NONE, clock.now(), key.keyId(), key.sign(statement));
    }

    private static List<String> proof(List<byte[]> leaves, int from, int to) {
        return MerkleTree.consistencyProof(nodes(leaves), from, to).stream().map(CosignCheckpointServiceTest::hex).toList();
    }

    /** Node (level, index): the root of the 2^level leaf hashes from index·2^level, worked out from the leaves. */
    private static MerkleTree.Nodes nodes(List<byte[]> leaves) {
        return new MerkleTree.Nodes() {
            @Override
            public byte[] node(int level, long index) {
                return level == 0 ? MerkleTree.leafHash(leaves.get((int) index))
                        : MerkleTree.nodeHash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1));
            }
        };
    }

    private static List<byte[]> leaves(String prefix, int count) {
        var leaves = new java.util.ArrayList<byte[]>();
        for (int i = 0; i < count; i++) {
            leaves.add(leaf(prefix + i));
        }
        return leaves;
    }

    private static byte[] leaf(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
