package io.flagtrail.domain.ledger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The right edge of a {@link MerkleTree} being appended to: the perfect subtrees that make up a tree of {@code size}
 * leaves, largest first (at most one per level, so at most 64). Appending a leaf completes the nodes a store keeps;
 * the root is the edge folded from the right. The sealer extends the stored tree with it, and a verifier that
 * streams the entries computes every checkpoint's root with it in constant memory.
 */
public final class MerkleFrontier {

    /** One perfect subtree: level h and index i cover leaves i·2^h to (i+1)·2^h − 1. */
    public record Node(int level, long index) {
    }

    private record Edge(int level, byte[] hash) {
    }

    private final List<Edge> edge = new ArrayList<>();
    private long size;

    /** The nodes whose hashes make up the edge of a tree of {@code size} leaves, largest first. */
    public static List<Node> edgeOf(long size) {
        var nodes = new ArrayList<Node>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                nodes.add(new Node(level, start >> level));
                start += 1L << level;
            }
        }
        return nodes;
    }

    /** An empty tree. */
    public MerkleFrontier() {
    }

    /** The tree of {@code size} leaves whose edge nodes ({@link #edgeOf}) have these hashes (hex). */
    public MerkleFrontier(long size, Map<Node, String> hashes) {
        for (var node : edgeOf(size)) {
            var hash = hashes.get(node);
            if (hash == null) {
                throw new IllegalArgumentException("the tree of " + size + " leaves lacks node " + node);
            }
            edge.add(new Edge(node.level(), HexFormat.of().parseHex(hash)));
        }
        this.size = size;
    }

    public long size() {
        return size;
    }

    /** Appends one leaf (its leaf hash) and answers the nodes it completed, the leaf first, as hex. */
    public Map<Node, String> append(byte[] leafHash) {
        var completed = new java.util.LinkedHashMap<Node, String>();
        grow(leafHash, completed);
        return completed;
    }

    /** Appends the leaf of one entry, whose chain hash (hex) is the leaf's data (ADR 0008), for a store to keep. */
    public Map<Node, String> appendEntry(String entryHash) {
        return append(MerkleTree.leafHash(HexFormat.of().parseHex(entryHash)));
    }

    /** The same for a verifier, which keeps nothing but the edge: no node is reported. */
    public void addEntry(String entryHash) {
        grow(MerkleTree.leafHash(HexFormat.of().parseHex(entryHash)), null);
    }

    private void grow(byte[] leafHash, Map<Node, String> completed) {
        long index = size;
        if (completed != null) {
            completed.put(new Node(0, index), HexFormat.of().formatHex(leafHash));
        }
        edge.add(new Edge(0, leafHash));
        while (edge.size() >= 2 && edge.get(edge.size() - 1).level() == edge.get(edge.size() - 2).level()) {
            var right = edge.removeLast();
            var left = edge.removeLast();
            int level = right.level() + 1;
            index >>= 1;
            var parent = new Edge(level, MerkleTree.nodeHash(left.hash(), right.hash()));
            edge.add(parent);
            if (completed != null) {
                completed.put(new Node(level, index), HexFormat.of().formatHex(parent.hash()));
            }
        }
        size++;
    }

    /** MTH of the leaves so far, as hex. */
    public String root() {
        if (edge.isEmpty()) {
            return HexFormat.of().formatHex(MerkleTree.emptyRoot());
        }
        byte[] root = edge.getLast().hash();
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(edge.get(i).hash(), root);
        }
        return HexFormat.of().formatHex(root);
    }
}
