package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.CosignCheckpointUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.WitnessedCheckpoints;
import io.flagtrail.application.service.audit.CosignCheckpointService;
import io.flagtrail.domain.ledger.Ed25519Signatures;
import io.flagtrail.domain.ledger.SigningKeys;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * This instance as a witness of other logs (docs/witness.md): {@code flagtrail.witness.logs.<origin>} lists, comma
 * separated, the public keys (base64 X.509, as {@code /api/v1/audit/keys} gives them) that sign that log's
 * checkpoints. No log listed: it witnesses nothing, and its witness endpoints answer 404. Built at startup
 * ({@code @Context}), so a key that is no Ed25519 public key stops the service naming the setting.
 */
@Factory
final class WitnessWiring {

    static final String LOGS = "flagtrail.witness.logs";

    @Context
    CosignCheckpointUseCase cosignCheckpoint(WitnessedCheckpoints witnessed, LedgerSigner signer,
                                             Transactions transactions, Clock clock, AppLogger log,
                                             Environment environment) {
        var logs = new HashMap<String, Map<String, String>>();
        environment.getProperties(LOGS).forEach((origin, value) -> logs.put(origin, keys(origin, value)));
        return new CosignCheckpointService(witnessed, signer, transactions, clock, log, logs);
    }

    private static Map<String, String> keys(String origin, Object value) {
        var listed = value instanceof Collection<?> many ? String.join(",", many.stream().map(String::valueOf).toList())
                : String.valueOf(value);
        var keys = new HashMap<String, String>();
        for (var key : listed.split(",")) {
            if (key.isBlank()) {
                continue;
            }
            try {
                var publicKey = Ed25519Signatures.publicKey(key.strip());
                keys.put(SigningKeys.keyId(publicKey.getEncoded()), key.strip());
            } catch (IllegalArgumentException notAKey) {
                throw new IllegalStateException("FLAGTRAIL_WITNESS_LOGS_" + origin.toUpperCase(java.util.Locale.ROOT)
                        + " (" + LOGS + "." + origin + ") must list Ed25519 public keys, base64 X.509, comma separated, "
                        + "as the log's /api/v1/audit/keys gives them"); // no cause: startup names the deepest one
            }
        }
        return keys;
    }
}
