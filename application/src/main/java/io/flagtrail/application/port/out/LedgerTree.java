package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import java.util.Collection;
import java.util.Map;

/**
 * The Merkle tree over the sealed entries (ADR 0008), as the hashes of its perfect subtrees, hex. Append-only: the
 * sealer adds the nodes each new leaf completes, in the sealing transaction; nothing is ever changed or removed.
 */
public interface LedgerTree {

    /** How many leaves the stored tree has (0 before the first). */
    long size();

    /** The stored hashes of these nodes; a node not stored is absent from the answer. */
    Map<Node, String> nodes(Collection<Node> wanted);

    /** What an inclusion proof reads: the nodes it needs, and the chain hash of its entry (null when not sealed). */
    record Leaf(Map<Node, String> nodes, String entryHash) {
    }

    /**
     * The stored hashes of these nodes and the chain hash of the sealed entry at {@code position}, in one read: an
     * inclusion proof's time is its round trips, so the store answers both at once where it can.
     */
    Leaf leaf(Collection<Node> wanted, long position);

    void add(Map<Node, String> nodes);
}
