package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import io.flagtrail.domain.ledger.MerkleTree;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Answers proofs from the stored tree in one read: the proof is first worked out on placeholders to learn which
 * nodes it needs (at most about 2·log2(size)), those are read in one query, and the proof is worked out again on
 * them. Sizes beyond the tree, or a tree not yet grown there, are refused with what is possible. It reads outside
 * any transaction, each statement on its own (a round trip fewer, which is most of a proof's time): what it reads
 * never changes once written (a checkpoint, the tree nodes the sealer committed with it, a sealed entry's hash),
 * and a transaction at READ COMMITTED would give the statements no common snapshot anyway.
 */
public final class LedgerProofService implements LedgerProofUseCase {

    private static final byte[] PLACEHOLDER = new byte[32];

    private final LedgerTree tree;
    private final LedgerProofs proofs;

    public LedgerProofService(LedgerTree tree, LedgerProofs proofs) {
        this.tree = tree;
        this.proofs = proofs;
    }

    /*
     * Proofs read outside a transaction, each statement on its own (three round trips, not four): what they read
     * never changes once written (a checkpoint, the tree nodes the sealer committed with it, a sealed entry's hash),
     * and a transaction at READ COMMITTED would give no common snapshot anyway.
     */
    @Override
    public InclusionProof inclusion(long position, Long size) {
        var sized = treeOf(size);
        long n = sized.size();
        if (position < 1 || position > n) {
            throw InvalidInput.of("position", "must be between 1 and the size, " + n);
        }
        long leaf = position - 1;
        var nodes = read(on -> {
            on.node(0, leaf); // the leaf itself is answered too
            return MerkleTree.inclusionProof(on, leaf, n);
        }, n);
        var path = MerkleTree.inclusionProof(nodes, leaf, n);
        String leafHash = hex(nodes.node(0, leaf));
        return new InclusionProof(position, n, proofs.chain().hashAt(position), leafHash, hex(path),
                hex(MerkleTree.root(nodes, n)), sized.checkpoint());
    }

    @Override
    public ConsistencyProof consistency(long from, Long to) {
        var sized = treeOf(to);
        long n = sized.size();
        if (from < 1 || from > n) {
            throw InvalidInput.of("from", "must be between 1 and to, " + n);
        }
        var nodes = read(on -> MerkleTree.consistencyProof(on, from, n), from, n);
        return new ConsistencyProof(from, n, hex(MerkleTree.root(nodes, from)), hex(MerkleTree.root(nodes, n)),
                hex(MerkleTree.consistencyProof(nodes, from, n)), checkpointAt(from), sized.checkpoint());
    }

    /** A tree size a proof is asked about, and the signed checkpoint of that size when there is one. */
    private record Sized(long size, Checkpoint checkpoint) {
    }

    /**
     * The size asked for, or the latest checkpoint's, with the checkpoint of that size: one read when it is signed
     * (a signed checkpoint's size is always in the tree, the sealer grows the tree in the transaction that signs
     * it), so only a size beyond the signed ones costs a look at the latest checkpoint and the tree's size.
     */
    private Sized treeOf(Long size) {
        if (size != null && size >= 1) {
            var signed = checkpointAt(size);
            if (signed != null) {
                return new Sized(size, signed);
            }
        }
        var latest = proofs.checkpoints().latest();
        if (size == null) {
            return latest.map(c -> new Sized(c.size(), c)).orElseThrow(() ->
                    new NotFound("ledger.no_checkpoint", "no checkpoint has been signed yet"));
        }
        long signed = latest.map(Checkpoint::size).orElse(0L);
        if (size < 1 || (size > signed && size > tree.size())) {
            long grown = Math.max(signed, tree.size());
            throw InvalidInput.of("size", "the tree has " + grown + " entries; ask for a size from 1 to " + grown);
        }
        return new Sized(size, null);
    }

    /** Works the proof out on placeholders to learn its nodes (and the roots' of these sizes), then reads them. */
    private MerkleTree.Nodes read(Function<MerkleTree.Nodes, List<byte[]>> proof, long... sizes) {
        var wanted = new LinkedHashSet<Node>();
        MerkleTree.Nodes recording = (level, index) -> {
            wanted.add(new Node(level, index));
            return PLACEHOLDER;
        };
        proof.apply(recording);
        for (long size : sizes) {
            MerkleTree.root(recording, size);
        }
        Map<Node, String> found = tree.nodes(wanted);
        return (level, index) -> {
            var hash = found.get(new Node(level, index));
            if (hash == null) {
                throw new IllegalStateException("the stored tree lacks node " + level + "/" + index);
            }
            return HexFormat.of().parseHex(hash);
        };
    }

    private Checkpoint checkpointAt(long size) {
        return proofs.checkpoints().within(size, size).stream().findFirst().orElse(null);
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(LedgerProofService::hex).toList();
    }
}
