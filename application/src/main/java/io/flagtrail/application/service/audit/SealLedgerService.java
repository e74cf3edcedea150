package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.SealLedgerUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sealer. Writers only insert unsealed entries, so no write waits on a global lock; one sealer at a time
 * (a database lock across instances, this lock within one) gives them gapless positions in the order they
 * became visible, chains their hashes, and signs a checkpoint every N entries or T time. It never extends what it
 * cannot prove: before it seals or signs, {@link LedgerTrust} checks the database against the checkpoint vouched for
 * outside it, and on a divergence it stops (ADR 0008).
 */
public final class SealLedgerService implements SealLedgerUseCase {

    private final LedgerChain chain;
    private final Checkpoints checkpoints;
    private final LedgerSigner signer;
    private final Transactions transactions;
    private final Clock clock;
    private final AppLogger log;
    private final LedgerSettings settings;
    private final LedgerTrust trust;
    private final TreeGrowth tree;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public SealLedgerService(LedgerChain chain, LedgerTree tree, Checkpoints checkpoints, LedgerSigner signer,
                             Transactions transactions, Clock clock, AppLogger log, LedgerSettings settings,
                             LedgerTrust trust) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.transactions = transactions;
        this.clock = clock;
        this.log = log;
        this.settings = settings;
        this.trust = trust;
        this.tree = new TreeGrowth(tree, chain, trust);
    }

    @Override
    public SealRound sealPending() {
        oneAtATime.lock();
        try {
            var round = transactions.inTransaction(this::round);
            if (round.checkpoint() != null) {
                trust.vouchFor(round.checkpoint()); // committed: from now on the database must agree with it
            }
            return round;
        } finally {
            oneAtATime.unlock();
        }
    }

    private SealRound round() {
        if (!chain.tryLead()) {
            return new SealRound(false, 0, -1, null);
        }
        var head = chain.head();
        var pendings = chain.pending(settings.sealBatch());
        var latest = checkpoints.latest();
        if (pendings.isEmpty() && head.size() <= latest.map(Checkpoint::size).orElse(0L)) {
            return new SealRound(true, 0, head.size(), null); // nothing to seal nor to sign
        }
        if (!trust.mayExtend()) {
            return new SealRound(true, 0, head.size(), null);
        }
        var frontier = tree.at(head.size());
        if (frontier == null) {
            return new SealRound(true, 0, head.size(), null); // the tree catches up first, or has diverged
        }
        var seals = new ArrayList<LedgerChain.Seal>();
        long position = head.size();
        String prevHash = head.hash();
        for (var pending : pendings) {
            position++;
            String hash = LedgerHash.of(pending.fields(), position, prevHash);
            seals.add(new LedgerChain.Seal(pending.ref(), position, prevHash, hash));
            prevHash = hash;
        }
        if (!seals.isEmpty()) {
            chain.seal(seals);
            tree.grow(frontier, seals);
        }
        return new SealRound(true, seals.size(), position, checkpointIfDue(latest, position, prevHash, frontier.root()));
    }

    /** A version 2 checkpoint: the head, the tree's root, and the statement hash of the checkpoint before it. */
    private Checkpoint checkpointIfDue(Optional<Checkpoint> latest, long size, String headHash, String rootHash) {
        long covered = latest.map(Checkpoint::size).orElse(0L);
        if (size <= covered) {
            return null;
        }
        Instant now = clock.now();
        boolean enoughEntries = size - covered >= settings.checkpointEveryEntries();
        boolean enoughTime = latest.map(c -> !now.isBefore(c.issuedAt().plus(settings.checkpointEvery()))).orElse(true);
        if (!enoughEntries && !enoughTime) {
            return null;
        }
        String keyId = signer.keyId();
        String previous = latest.map(Checkpoint::statementHash).orElse(Checkpoint.NONE);
        String signature;
        try {
            signature = signer.sign(Checkpoint.statement(size, headHash, rootHash, previous, now, keyId));
        } catch (LedgerSigner.CannotSign e) {
            // the entries sealed this round commit all the same; a later round signs over them
            log.warn("ledger checkpoint not signed: the signer is unavailable", "size", size, "reason", e.getMessage());
            return null;
        }
        var checkpoint = new Checkpoint(size, headHash, rootHash, previous, now, keyId, signature);
        checkpoints.add(checkpoint);
        log.info("ledger checkpoint signed", "size", size, "keyId", keyId);
        return checkpoint;
    }
}
