package io.flagtrail.domain.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 over the ledger's entries: a leaf is {@code SHA-256(0x00 ‖ entry hash)}, an inner
 * node {@code SHA-256(0x01 ‖ left ‖ right)}, and a tree of n leaves splits at the largest power of two below n. Proofs
 * are built from the hashes of perfect subtrees ({@link Nodes}: level h, index i covers leaves i·2^h to (i+1)·2^h − 1),
 * so a store that keeps those answers any proof in O(log n) reads; verification needs only the proof (§2.1.3.2 and
 * §2.1.4.2, followed step by step).
 */
public final class MerkleTree {

    /** The hash of the perfect subtree at {@code level} and {@code index}; level 0 is a leaf hash. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {
    }

    public static byte[] leafHash(byte[] data) {
        return sha256(new byte[]{LEAF}, data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{NODE}, left, right);
    }

    /** MTH(D[0:size]); the hash of nothing for an empty tree. */
    public static byte[] root(Nodes nodes, long size) {
        return size == 0 ? emptyRoot() : subtree(nodes, 0, size);
    }

    /** MTH({}): the SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return sha256();
    }

    /** PATH(index, D[0:size]): the audit path of one leaf, nearest sibling first. */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        var path = new ArrayList<byte[]>();
        path(nodes, index, 0, size, path);
        return path;
    }

    /** PROOF(first, D[0:second]): what shows the tree of {@code second} leaves extends the one of {@code first}. */
    public static List<byte[]> consistencyProof(Nodes nodes, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        var proof = new ArrayList<byte[]>();
        subproof(nodes, first, 0, second, true, proof);
        return proof;
    }

    /** §2.1.3.2: whether {@code proof} places {@code leafHash} at {@code index} of the tree with {@code root}. */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** §2.1.4.2: whether {@code proof} shows the tree ({@code second}, {@code secondRoot}) extends ({@code first}, {@code firstRoot}). */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
                                            List<byte[]> proof) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        var path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.addFirst(firstRoot);
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.getFirst();
        byte[] sr = path.getFirst();
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /** MTH(D[start:end]) for a range that starts on a boundary of its size's largest power of two, as splits do. */
    private static byte[] subtree(Nodes nodes, long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1 && start % size == 0) {
            return nodes.node(Long.numberOfTrailingZeros(size), start / size);
        }
        long k = split(size);
        return nodeHash(subtree(nodes, start, start + k), subtree(nodes, start + k, end));
    }

    private static void path(Nodes nodes, long index, long start, long end, List<byte[]> path) {
        long size = end - start;
        if (size == 1) {
            return;
        }
        long k = split(size);
        if (index < start + k) {
            path(nodes, index, start, start + k, path);
            path.add(subtree(nodes, start + k, end));
        } else {
            path(nodes, index, start + k, end, path);
            path.add(subtree(nodes, start, start + k));
        }
    }

    private static void subproof(Nodes nodes, long m, long start, long end, boolean whole, List<byte[]> proof) {
        long size = end - start;
        if (m == size) {
            if (!whole) {
                proof.add(subtree(nodes, start, end));
            }
            return;
        }
        long k = split(size);
        if (m <= k) {
            subproof(nodes, m, start, start + k, whole, proof);
            proof.add(subtree(nodes, start + k, end));
        } else {
            subproof(nodes, m - k, start + k, end, false, proof);
            proof.add(subtree(nodes, start, start + k));
        }
    }

    /** The largest power of two smaller than {@code size} (size ≥ 2). */
    static long split(long size) {
        return Long.highestOneBit(size - 1);
    }

    private static byte[] sha256(byte[]... parts) {
        var digest = Sha256.digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }
}
