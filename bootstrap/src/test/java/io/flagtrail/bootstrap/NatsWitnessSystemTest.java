package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.nats.client.Nats;
import java.time.Duration;
import java.util.HashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The service with both witnesses, the file and NATS JetStream (the real server: {@code TEST_NATS_URL}, else
 * 127.0.0.1:4222): a round hands the newest checkpoint to each, and both report it held.
 */
class NatsWitnessSystemTest {

    static final String URL = System.getenv().getOrDefault("TEST_NATS_URL", "nats://127.0.0.1:4222");

    @Test
    void every_checkpoint_reaches_the_file_and_the_nats_witness() throws Exception {
        String stream = "FT_SYSTEM_WITNESS_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var props = new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2()));
        props.put("flagtrail.ledger.witness.nats.enabled", "true");
        props.put("flagtrail.ledger.witness.nats.url", URL);
        props.put("flagtrail.ledger.witness.nats.stream", stream);
        props.put("flagtrail.ledger.witness.nats.subject", stream.toLowerCase() + ".checkpoints");
        try (var server = ApplicationContext.run(EmbeddedServer.class, props)) {
            var context = server.getApplicationContext();
            var ledger = context.getBean(LedgerStatusUseCase.class);
            long signed = Poll.until(Duration.ofSeconds(10), "a signed checkpoint", ledger::status,
                    s -> s.latestCheckpoint() != null).latestCheckpoint().size();

            var round = Poll.until(Duration.ofSeconds(10), "both witnesses to hold a checkpoint",
                    () -> context.getBean(WitnessLedgerUseCase.class).synchronize(),
                    r -> r.size() == 2 && r.stream().allMatch(w -> w.witnessedSize() >= signed));

            assertTrue(round.stream().anyMatch(w -> w.name().startsWith("file:")), round.toString());
            assertTrue(round.stream().anyMatch(w -> w.name().startsWith("nats:")), round.toString());
            assertTrue(round.stream().allMatch(w -> w.reachable() && w.error() == null), round.toString());
        } finally {
            try (var nats = Nats.connect(URL)) {
                var management = nats.jetStreamManagement();
                if (management.getStreamNames().contains(stream)) {
                    management.deleteStream(stream);
                }
            }
        }
    }
}
