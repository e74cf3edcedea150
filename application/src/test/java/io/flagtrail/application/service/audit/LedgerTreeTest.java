package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.InMemoryPersistenceContractTest;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples;
import io.flagtrail.application.contract.Stores;
import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.InMemoryCheckpoints;
import io.flagtrail.application.fakes.InMemoryTree;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.TickingClock;
import io.flagtrail.application.fakes.Wiring;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.MerkleFrontier;
import io.flagtrail.domain.ledger.VerificationFailure;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** The Merkle tree the sealer grows beside the chain, and the version 2 checkpoints that commit to it. */
class LedgerTreeTest {

    final Stores stores = InMemoryPersistenceContractTest.freshStores();
    final LedgerServices services = new LedgerServices(stores);

    @Test
    void every_checkpoint_signs_the_root_of_the_entries_it_covers_and_names_the_one_before() {
        changes(3);
        services.sealAll();
        changes(4);
        services.sealAll();

        var all = stores.checkpoints().list(10, null).reversed();
        assertEquals(2, all.size());
        assertEquals(Checkpoint.NONE, all.get(0).previous());
        assertEquals(all.get(0).statementHash(), all.get(1).previous());
        assertEquals(rootOfEntries(7), all.get(1).rootHash());
        assertEquals(7, stores.tree().size());
        var report = services.verify(null, null);
        assertTrue(report.verified(), report.summary());
    }

    @Test
    void a_ledger_sealed_before_the_tree_existed_gets_its_tree_before_anything_more_is_sealed() {
        changes(5);
        services.sealAll();
        var withoutTree = new Stores(stores.features(), stores.projects(), stores.ledger(), stores.chain(), new InMemoryTree(stores.chain()),
                stores.checkpoints(), stores.retention(), stores.events(), stores.transactions(), stores.secrets(),
                stores.loginAttempts(), stores.sessions(), stores.users(), stores.witnessed(), stores.partitions(),
                stores.changeRequests());
        var upgraded = new LedgerServices(withoutTree, services.witness, services.signer);
        changes(2);

        upgraded.sealAll();

        assertEquals(7, withoutTree.tree().size());
        assertEquals(rootOfEntries(7), stores.checkpoints().latest().orElseThrow().rootHash());
    }

    @Test
    void a_replaced_root_and_a_removed_checkpoint_are_each_found_at_their_checkpoint() {
        for (int round = 0; round < 3; round++) {
            changes(2);
            services.sealAll();
        }
        var all = stores.checkpoints().list(10, null).reversed();
        var second = all.get(1);
        var checkpoints = (InMemoryCheckpoints) stores.checkpoints();
        checkpoints.replace(new Checkpoint(second.size(), second.headHash(), "e".repeat(64), second.previous(),
                second.issuedAt(), second.keyId(), second.signature()));

        var replaced = services.restarted().verify(null, null);
        assertFalse(replaced.verified());
        assertEquals(VerificationFailure.ROOT_MISMATCH, replaced.failure(), replaced.summary());
        assertEquals(second.size(), replaced.failedAt());

        checkpoints.remove(second.size());
        var removed = services.restarted().verify(null, null);
        assertFalse(removed.verified());
        assertEquals(VerificationFailure.CHECKPOINT_CHAIN, removed.failure(), removed.summary());
        assertEquals(all.get(2).size(), removed.failedAt());
    }

    private String rootOfEntries(long size) {
        var frontier = new MerkleFrontier();
        var hashes = new ArrayList<String>();
        stores.chain().read(1, size, link -> hashes.add(link.hash()));
        hashes.forEach(frontier::appendEntry);
        assertNotNull(frontier.root());
        return frontier.root();
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
