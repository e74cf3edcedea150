package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The tree's nodes in a map, refusing to overwrite one, as the table's primary key does; entry hashes come from the
 * chain it is built over, as the table's store reads them from the entries.
 */
public final class InMemoryTree implements LedgerTree, Rollbackable {

    private final LedgerChain chain;
    private Map<Node, String> nodes = new HashMap<>();

    public InMemoryTree(LedgerChain chain) {
        this.chain = chain;
    }

    @Override
    public synchronized long size() {
        long size = 0;
        while (nodes.containsKey(new Node(0, size))) {
            size++;
        }
        return size;
    }

    @Override
    public synchronized Map<Node, String> nodes(Collection<Node> wanted) {
        var found = new HashMap<Node, String>();
        wanted.forEach(node -> {
            if (nodes.containsKey(node)) {
                found.put(node, nodes.get(node));
            }
        });
        return found;
    }

    @Override
    public Leaf leaf(Collection<Node> wanted, long position) {
        return new Leaf(nodes(wanted), chain.hashAt(position));
    }

    @Override
    public synchronized void add(Map<Node, String> added) {
        added.forEach((node, hash) -> {
            if (nodes.putIfAbsent(node, hash) != null) {
                throw new IllegalStateException("tree node " + node + " is stored already");
            }
        });
    }

    @Override
    public synchronized Object snapshot() {
        return new HashMap<>(nodes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        nodes = new HashMap<>((Map<Node, String>) snapshot);
    }
}
