package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.CosignCheckpointUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.WitnessedCheckpoints;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.Unavailable;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.Cosignature;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import io.flagtrail.domain.ledger.WitnessRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The witness: judges each offered checkpoint by {@link WitnessRule} against the newest one it holds for that log,
 * keeps it with a cosignature made with this instance's own ledger key, in one transaction. Nothing here trusts the
 * submitter: a checkpoint is authenticated by the log's key, and its history by the consistency proof.
 */
public final class CosignCheckpointService implements CosignCheckpointUseCase {

    private final WitnessedCheckpoints held;
    private final LedgerSigner signer;
    private final Transactions transactions;
    private final Clock clock;
    private final AppLogger log;
    /** Per log origin, the public keys (by key id) that sign its checkpoints. */
    private final Map<String, Map<String, String>> logs;

    public CosignCheckpointService(WitnessedCheckpoints held, LedgerSigner signer, Transactions transactions,
                                   Clock clock, AppLogger log, Map<String, Map<String, String>> logs) {
        this.held = held;
        this.signer = signer;
        this.transactions = transactions;
        this.clock = clock;
        this.log = log;
        this.logs = Map.copyOf(logs);
    }

    @Override
    public CosignedCheckpoint add(String origin, long oldSize, List<String> consistency, Checkpoint checkpoint) {
        var keys = keysOf(origin);
        return transactions.inTransaction(() -> {
            var newest = held.latest(origin);
            var verdict = WitnessRule.judge(newest.map(CosignedCheckpoint::checkpoint).orElse(null), oldSize, consistency,
                    checkpoint, keys);
            if (verdict == WitnessRule.Verdict.ALREADY_HELD) {
                return newest.orElseThrow();
            }
            var now = clock.now();
            String hash = checkpoint.statementHash();
            var cosigned = new CosignedCheckpoint(checkpoint, new Cosignature(origin, hash, now, signer.keyId(),
                    cosign(Cosignature.statement(origin, hash, now, signer.keyId()))));
            if (!held.add(origin, oldSize, cosigned)) {
                throw new Conflict("witness.old_size", "another checkpoint extended size " + oldSize
                        + " first: read the witness's newest and prove consistency from it");
            }
            log.info("witnessed a checkpoint", "origin", origin, "size", checkpoint.size(), "from", oldSize);
            return cosigned;
        });
    }

    @Override
    public CosignedCheckpoint latest(String origin) {
        keysOf(origin);
        return transactions.inTransaction(() -> held.latest(origin)).orElseThrow(() ->
                new NotFound("witness.nothing_held", "this witness holds no checkpoint of " + origin + " yet"));
    }

    private String cosign(byte[] statement) {
        try {
            return signer.sign(statement);
        } catch (LedgerSigner.CannotSign e) {
            throw new Unavailable("witness.signer_unavailable", "this witness cannot sign now (" + e.getMessage()
                    + "); nothing was taken, offer the checkpoint again shortly", Duration.ofSeconds(5));
        }
    }

    private Map<String, String> keysOf(String origin) {
        var keys = logs.get(origin);
        if (keys == null) {
            throw new NotFound("witness.unknown_log", "this instance witnesses no log named '" + origin + "'");
        }
        return keys;
    }
}
