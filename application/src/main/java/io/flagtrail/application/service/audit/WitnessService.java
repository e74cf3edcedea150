package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerDivergence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every round, for each witness: read the newest checkpoint it holds and vouch for it (a witness only ever holds
 * what the service signed, so the database must agree with it); check the database against the newest checkpoint
 * vouched for; and hand the witness the newest checkpoint it lacks. Runs beside the writes, never inside one: a
 * witness that is down holds nothing up, and catches up with the newest checkpoint when it is back.
 */
public final class WitnessService implements WitnessLedgerUseCase {

    private final LedgerTrust trust;
    private final LedgerProofs proofs;
    private final LedgerProofUseCase ledger;
    private final Transactions transactions;
    private final Clock clock;
    private final AppLogger log;
    private final Map<String, WitnessStatus> last = new ConcurrentHashMap<>();

    public WitnessService(LedgerTrust trust, LedgerProofs proofs, LedgerProofUseCase ledger, Transactions transactions,
                          Clock clock, AppLogger log) {
        this.trust = trust;
        this.proofs = proofs;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public synchronized List<WitnessStatus> synchronize() {
        var round = new ArrayList<WitnessStatus>();
        var newest = transactions.inTransaction(() -> proofs.checkpoints().latest());
        for (var witness : trust.witnesses()) {
            var status = visit(witness, newest);
            last.put(witness.name(), status);
            round.add(status);
        }
        return round;
    }

    @Override
    public List<WitnessStatus> statuses() {
        return trust.witnesses().stream().map(w -> last.get(w.name())).filter(s -> s != null).toList();
    }

    /** One witness's part of a round; {@code newest} is the newest checkpoint the database holds. */
    private WitnessStatus visit(CheckpointWitness witness, Optional<Checkpoint> newest) {
        long signed = newest.map(Checkpoint::size).orElse(0L);
        Optional<Checkpoint> held;
        try {
            held = witness.latest();
        } catch (CheckpointWitness.Unreachable e) {
            return status(witness, false, previousSize(witness), signed, e.getMessage());
        }
        held.ifPresent(trust::vouchFor);
        long witnessed = held.map(Checkpoint::size).orElse(0L);
        Optional<LedgerDivergence> diverged = transactions.inTransaction(trust::check);
        if (diverged.isPresent()) {
            return status(witness, true, witnessed, signed, "diverged: " + diverged.get().detail());
        }
        if (newest.isEmpty() || signed <= witnessed || !signedHere(newest.get())) {
            return status(witness, true, witnessed, signed, null);
        }
        try {
            witness.publish(newest.get(), (from, to) -> ledger.consistency(from, to).proof());
            return status(witness, true, signed, signed, null);
        } catch (CheckpointWitness.Unreachable | CheckpointWitness.Refused e) {
            log.warn("witness did not take the newest checkpoint; the next round tries again", "witness",
                    witness.name(), "size", newest.get().size(), "error", e.getMessage());
            return status(witness, !(e instanceof CheckpointWitness.Unreachable), witnessed, signed, e.getMessage());
        }
    }

    /**
     * Only a checkpoint signed with the key this service signs with now goes out: a row some database owner added
     * under a key of their own (listed beside the real one) is not published, whatever it claims.
     */
    private boolean signedHere(Checkpoint checkpoint) {
        var key = proofs.signer().publicKeys().get(proofs.signer().keyId());
        return checkpoint.keyId().equals(proofs.signer().keyId()) && key != null && checkpoint.signatureValid(key);
    }

    private long previousSize(CheckpointWitness witness) {
        var previous = last.get(witness.name());
        return previous == null ? 0 : previous.witnessedSize();
    }

    private WitnessStatus status(CheckpointWitness witness, boolean reachable, long witnessed, long signed,
                                 String error) {
        return new WitnessStatus(witness.name(), reachable, witnessed, Math.max(0, signed - witnessed), clock.now(),
                error);
    }
}
