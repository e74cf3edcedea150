package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.out.ServerSecrets;
import io.flagtrail.domain.ledger.Checkpoint;
import io.micronaut.context.env.Environment;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class Ed25519LedgerSignerTest {

    /** The real adapter keeps secrets in the database; a map is the same contract. */
    static final class MapSecrets implements ServerSecrets {
        final Map<String, String> values = new HashMap<>();

        @Override
        public String getOrCreate(String name, Supplier<String> generator) {
            return values.computeIfAbsent(name, n -> generator.get());
        }
    }

    final MapSecrets secrets = new MapSecrets();
    final Environment environment = io.micronaut.context.ApplicationContext.builder().build().getEnvironment();

    @Test
    void a_generated_key_is_kept_and_its_checkpoints_verify_under_the_published_key() {
        var first = new Ed25519LedgerSigner(null, null, secrets, environment);
        var restarted = new Ed25519LedgerSigner(null, null, secrets, environment);
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        var statement = Checkpoint.statement(5, "ab".repeat(32), issued, first.keyId());
        var checkpoint = new Checkpoint(5, "ab".repeat(32), issued, first.keyId(), first.sign(statement));

        assertEquals(first.keyId(), restarted.keyId());
        assertTrue(first.keyId().startsWith("ed25519-"));
        assertTrue(checkpoint.signatureValid(restarted.publicKeys().get(first.keyId())));
    }

    @Test
    void a_configured_key_wins_and_another_key_does_not_verify() {
        var generated = new Ed25519LedgerSigner(null, null, secrets, environment);
        var other = new MapSecrets();
        new Ed25519LedgerSigner(null, null, other, environment); // leaves a generated key in other
        var configured = new Ed25519LedgerSigner(other.values.get(Ed25519LedgerSigner.SECRET_NAME), null, secrets,
                environment);
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        var checkpoint = new Checkpoint(1, "00".repeat(32), issued, configured.keyId(),
                configured.sign(Checkpoint.statement(1, "00".repeat(32), issued, configured.keyId())));

        assertNotEquals(generated.keyId(), configured.keyId());
        assertFalse(checkpoint.signatureValid(generated.publicKeys().get(generated.keyId())));
    }
}
