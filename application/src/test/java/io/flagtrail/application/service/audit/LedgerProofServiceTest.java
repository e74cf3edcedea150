package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.InMemoryPersistenceContractTest;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples;
import io.flagtrail.application.contract.Stores;
import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.TickingClock;
import io.flagtrail.application.fakes.Wiring;
import io.flagtrail.application.port.in.LedgerProofUseCase.InclusionProof;
import io.flagtrail.domain.ledger.MerkleTree;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proofs from the stored tree, against the latest checkpoint held for a second, or a size asked for. */
class LedgerProofServiceTest {

    final Stores stores = InMemoryPersistenceContractTest.freshStores();
    final LedgerServices services = new LedgerServices(stores);
    final FixedClock clock = new FixedClock(Instant.parse("2026-12-03T10:00:00Z"));
    final LedgerProofService proofs = new LedgerProofService(stores.tree(),
            new LedgerProofs(stores.chain(), stores.checkpoints(), services.signer, stores.retention()), clock);

    @Test
    void an_inclusion_proof_carries_the_entry_hash_and_a_path_to_the_signed_root() {
        changes(5);
        services.sealAll();

        for (long position = 1; position <= 5; position++) {
            var proof = proofs.inclusion(position, null);
            assertEquals(stores.chain().hashAt(position), proof.entryHash());
            assertEquals(5, proof.size());
            assertEquals(proof.checkpoint().rootHash(), proof.rootHash());
            assertIncluded(proof);
        }
    }

    @Test
    void the_latest_checkpoint_is_held_for_a_second_unless_an_entry_beyond_it_is_asked_for() {
        changes(3);
        services.sealAll();
        assertEquals(3, proofs.inclusion(1, null).size());
        changes(2);
        services.sealAll();

        assertEquals(3, proofs.inclusion(1, null).size(), "answered against the checkpoint held");
        var beyond = proofs.inclusion(5, null);
        assertEquals(5, beyond.size(), "an entry the held checkpoint does not cover reads the latest");
        assertIncluded(beyond);
        changes(1);
        services.sealAll();
        clock.advance(LedgerProofService.HOLD);
        assertEquals(6, proofs.inclusion(1, null).size(), "a second later the latest is read again");
        assertEquals(6, proofs.consistency(2, null).to());
    }

    @Test
    void a_consistency_proof_links_the_roots_of_two_sizes() {
        changes(4);
        services.sealAll();
        changes(3);
        services.sealAll();

        var proof = proofs.consistency(4, 7L);
        assertTrue(MerkleTree.verifyConsistency(4, 7, hex(proof.fromRoot()), hex(proof.toRoot()),
                proof.proof().stream().map(LedgerProofServiceTest::hex).toList()));
        assertEquals(stores.checkpoints().latest().orElseThrow().rootHash(), proof.toRoot());
    }

    private static void assertIncluded(InclusionProof proof) {
        var leaf = MerkleTree.leafHash(hex(proof.entryHash()));
        assertEquals(proof.leafHash(), HexFormat.of().formatHex(leaf));
        List<byte[]> path = proof.path().stream().map(LedgerProofServiceTest::hex).toList();
        assertTrue(MerkleTree.verifyInclusion(leaf, proof.position() - 1, proof.size(), path, hex(proof.rootHash())));
    }

    private static byte[] hex(String hash) {
        return HexFormat.of().parseHex(hash);
    }

    private void changes(int count) {
        var commands = Wiring.featureCommands(stores.features(), stores.projects(), stores.ledger(), stores.events(), stores.transactions(),
                new TickingClock(), new Samples.RandomIds(), new RecordingLogger(), new CountingMetrics());
        Samples.addSolo(stores.projects());
        for (int i = 0; i < count; i++) {
            commands.create(Samples.command(Samples.uniqueKey(), null));
        }
    }
}
