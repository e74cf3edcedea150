package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerDivergence;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Answers how big the ledger is, how far sealing lags, and which checkpoints and keys prove it. */
public final class LedgerStatusService implements LedgerStatusUseCase {

    private final LedgerProofs proofs;
    private final Clock clock;
    private final LedgerTrust trust;

    public LedgerStatusService(LedgerProofs proofs, Clock clock, LedgerTrust trust) {
        this.proofs = proofs;
        this.clock = clock;
        this.trust = trust;
    }

    @Override
    public LedgerStatus status() {
        var head = proofs.chain().head();
        var backlog = proofs.chain().backlog();
        long lag = backlog.oldest() == null ? 0 : Math.max(0, Duration.between(backlog.oldest(), clock.now()).toMillis());
        return new LedgerStatus(head.size(), head.hash(), backlog.unsealed(), lag, proofs.checkpoints().latest().orElse(null),
                proofs.retention().latestPurge().map(PurgeRecord::purgedTo).orElse(0L), trust.divergence().orElse(null));
    }

    @Override
    public Optional<LedgerDivergence> divergence() {
        return trust.divergence();
    }

    @Override
    public List<Checkpoint> checkpoints(int limit, Long belowSize) {
        return proofs.checkpoints().list(limit, belowSize);
    }

    @Override
    public Map<String, String> publicKeys() {
        return proofs.signer().publicKeys();
    }

    @Override
    public List<PurgeRecord> purges(int limit) {
        return proofs.retention().purges(limit);
    }
}
