package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.ledger.LedgerDivergence;
import io.flagtrail.domain.ledger.MerkleFrontier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the stored Merkle tree level with the chain, inside the sealer's transaction: from the stored edge it catches
 * up on entries sealed before the tree existed (at most {@link #CATCH_UP} a round, so that an old ledger's first
 * rounds stay short), then takes each new seal. A tree with more leaves than the chain has entries means entries
 * were removed from the chain's tail: a divergence.
 */
final class TreeGrowth {

    static final int CATCH_UP = 10_000;

    private final LedgerTree tree;
    private final LedgerChain chain;
    private final LedgerTrust trust;

    TreeGrowth(LedgerTree tree, LedgerChain chain, LedgerTrust trust) {
        this.tree = tree;
        this.chain = chain;
        this.trust = trust;
    }

    /** The tree's edge at the chain's head, or null while it is still catching up or has diverged. */
    MerkleFrontier at(long headSize) {
        long size = tree.size();
        if (size > headSize) {
            trust.diverged(new LedgerDivergence(headSize + 1, size, "the Merkle tree holds " + size
                    + " leaves but the chain ends at " + headSize + ": entries were removed from its tail"));
            return null;
        }
        var frontier = new MerkleFrontier(size, tree.nodes(MerkleFrontier.edgeOf(size)));
        if (size == headSize) {
            return frontier;
        }
        long to = Math.min(headSize, size + CATCH_UP);
        var added = new LinkedHashMap<MerkleFrontier.Node, String>();
        chain.read(size + 1, to, link -> {
            added.putAll(frontier.appendEntry(link.hash()));
            return true;
        });
        tree.add(added);
        return to == headSize ? frontier : null;
    }

    /** Adds the leaves of newly sealed entries; the nodes they complete are stored. */
    void grow(MerkleFrontier frontier, Iterable<LedgerChain.Seal> seals) {
        Map<MerkleFrontier.Node, String> added = new LinkedHashMap<>();
        for (var seal : seals) {
            added.putAll(frontier.appendEntry(seal.hash()));
        }
        tree.add(added);
    }
}
