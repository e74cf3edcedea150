package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Answers how big the ledger is, how far sealing lags, and which checkpoints and keys prove it. */
public final class LedgerStatusService implements LedgerStatusUseCase {

    private final LedgerChain chain;
    private final Checkpoints checkpoints;
    private final LedgerSigner signer;
    private final LedgerRetention retention;
    private final Clock clock;

    public LedgerStatusService(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                               LedgerRetention retention, Clock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public LedgerStatus status() {
        var head = chain.head();
        var backlog = chain.backlog();
        long lag = backlog.oldest() == null ? 0 : Math.max(0, Duration.between(backlog.oldest(), clock.now()).toMillis());
        return new LedgerStatus(head.size(), head.hash(), backlog.unsealed(), lag, checkpoints.latest().orElse(null),
                retention.latestPurge().map(PurgeRecord::purgedTo).orElse(0L));
    }

    @Override
    public List<Checkpoint> checkpoints(int limit, Long belowSize) {
        return checkpoints.list(limit, belowSize);
    }

    @Override
    public Map<String, String> publicKeys() {
        return signer.publicKeys();
    }

    @Override
    public List<PurgeRecord> purges(int limit) {
        return retention.purges(limit);
    }
}
