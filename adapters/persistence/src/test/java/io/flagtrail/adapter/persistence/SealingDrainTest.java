package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.command;
import static io.flagtrail.application.contract.Samples.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.LedgerServices;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A backlog sealed in batches reads on past the last batch instead of from the first waiting entry (JdbcLedgerChain):
 * an entry that commits after entries with a higher seq were already read past must still be sealed, also when the
 * drain ends exactly on a full batch.
 */
abstract class SealingDrainTest extends DatabaseTest {

    @Test
    void an_entry_committed_behind_a_draining_sealer_is_sealed_before_it_says_it_is_done() throws Exception {
        var recorder = recorder();
        for (int i = 0; i < 250; i++) {
            recorder.create(command(uniqueKey(), "before"));
        }
        var written = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        try (var executor = Executors.newSingleThreadExecutor()) {
            var late = executor.submit(() -> transactions.inTransaction(() -> {
                recorder.create(command(uniqueKey(), "late")); // its seq is taken now, its commit comes later
                written.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(written.await(30, TimeUnit.SECONDS));
            for (int i = 0; i < 150; i++) {
                recorder.create(command(uniqueKey(), "after"));
            }
            var services = new LedgerServices(stores());
            // batches of 100: 1-100, 101-200, then 201-250 with the first 50 after the late one, read past it
            assertEquals(300, services.sealOnce() + services.sealOnce() + services.sealOnce());
            release.countDown();
            assertTrue(late.get(30, TimeUnit.SECONDS));

            // the remaining 100 fill a batch, so the read after them comes back empty: it must look again from the start
            services.sealAll();

            assertEquals(0, chain.backlog().unsealed());
            assertEquals(401, chain.head().size());
            var report = services.verify(null, null);
            assertTrue(report.verified(), report.summary());
        }
    }
}
