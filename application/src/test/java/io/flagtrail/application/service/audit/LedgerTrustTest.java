package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.InMemoryPersistenceContractTest;
import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples;
import io.flagtrail.application.contract.Stores;
import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.InMemoryCheckpoints;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.TickingClock;
import io.flagtrail.application.fakes.Wiring;
import io.flagtrail.domain.ledger.Checkpoint;
import org.junit.jupiter.api.Test;

/** The witness rounds and the sealer's trust over the fakes: outages, catching up, a replaced checkpoint. */
class LedgerTrustTest {

    final Stores stores = InMemoryPersistenceContractTest.freshStores();
    final LedgerServices services = new LedgerServices(stores);

    @Test
    void a_witness_that_is_down_delays_sealing_after_a_restart_and_takes_the_newest_checkpoint_when_back() {
        changes(3);
        services.sealAll();
        services.witnessing.synchronize();
        services.witness.down(true);
        changes(2);
        services.sealAll(); // this process vouches for what it signed itself: sealing goes on
        var missed = services.witnessing.synchronize().getFirst();
        assertFalse(missed.reachable());
        assertEquals(2, missed.behind(), "two entries signed that the witness does not hold yet");

        var restarted = services.restarted();
        changes(1);
        restarted.sealAll();
        assertEquals(5, stores.chain().head().size(), "a new process that cannot read any witness seals nothing");

        services.witness.down(false);
        restarted.sealAll();
        var caughtUp = restarted.witnessing.synchronize().getFirst();
        assertEquals(6, stores.chain().head().size());
        assertEquals(6, caughtUp.witnessedSize(), String.valueOf(caughtUp.error()));
        assertEquals(0, caughtUp.behind());
        assertEquals(java.util.List.of(3L, 6L), services.witness.held().stream().map(Checkpoint::size).toList(),
                "only the newest checkpoint is handed over after an outage");
    }

    @Test
    void a_checkpoint_replaced_in_the_table_stops_the_sealer_in_the_running_process() {
        changes(3);
        services.sealAll();
        var signed = stores.checkpoints().latest().orElseThrow();
        ((InMemoryCheckpoints) stores.checkpoints()).replace(new Checkpoint(signed.size(), "0".repeat(64),
                signed.issuedAt(), signed.keyId(), signed.signature()));
        changes(1);

        services.sealAll();

        assertEquals(3, stores.chain().head().size());
        assertTrue(services.trust.divergence().orElseThrow().detail().contains("replaced"));
        assertFalse(services.verify(null, null).verified());
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
