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

    void add(Map<Node, String> nodes);
}
