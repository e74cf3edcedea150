package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.MerkleFrontier.Node;
import io.flagtrail.domain.ledger.MerkleTree;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers proofs from the stored tree in one read: the proof is first worked out on placeholders to learn which
 * nodes it needs (at most about 2·log2(size)), those are read in one query (with the entry's hash, for an inclusion
 * proof), and the proof is worked out again on them. The latest checkpoint is held for a second. Sizes beyond the
 * tree, or a tree not yet grown there, are refused with what is possible. It reads outside any transaction, each
 * statement on its own (a round trip fewer, which is most of a proof's time): what it reads never changes once
 * written (a checkpoint, the tree nodes the sealer committed with it, a sealed entry's hash),
 * and a transaction at READ COMMITTED would give the statements no common snapshot anyway.
 */
public final class LedgerProofService implements LedgerProofUseCase {

    private static final byte[] PLACEHOLDER = new byte[32];
    /** How long the latest checkpoint is answered from memory: a proof a second behind the newest is as good. */
    static final Duration HOLD = Duration.ofSeconds(1);

    private final LedgerTree tree;
    private final LedgerProofs proofs;
    private final Clock clock;
    private volatile Held held;

    public LedgerProofService(LedgerTree tree, LedgerProofs proofs, Clock clock) {
        this.tree = tree;
        this.proofs = proofs;
        this.clock = clock;
    }

    /*
     * One round trip with the latest checkpoint held: the nodes and the entry's hash are one statement, and a
     * proof against a size asked for reads its checkpoint first (two).
     */
    @Override
    public InclusionProof inclusion(long position, Long size) {
        var sized = treeOf(size, false);
        if (size == null && position > sized.size()) {
            sized = treeOf(null, true); // the held checkpoint may be a second behind an entry just sealed
        }
        long n = sized.size();
        if (position < 1 || position > n) {
            throw InvalidInput.of("position", "must be between 1 and the size, " + n);
        }
        long leaf = position - 1;
        var read = tree.leaf(wanted(on -> {
            on.node(0, leaf); // the leaf itself is answered too
            return MerkleTree.inclusionProof(on, leaf, n);
        }, n), position);
        var nodes = nodes(read.nodes());
        var path = MerkleTree.inclusionProof(nodes, leaf, n);
        return new InclusionProof(position, n, read.entryHash(), hex(nodes.node(0, leaf)), hex(path),
                hex(MerkleTree.root(nodes, n)), sized.checkpoint());
    }

    @Override
    public ConsistencyProof consistency(long from, Long to) {
        var sized = treeOf(to, false);
        if (to == null && from > sized.size()) {
            sized = treeOf(null, true);
        }
        long n = sized.size();
        if (from < 1 || from > n) {
            throw InvalidInput.of("from", "must be between 1 and to, " + n);
        }
        var nodes = nodes(tree.nodes(wanted(on -> MerkleTree.consistencyProof(on, from, n), from, n)));
        return new ConsistencyProof(from, n, hex(MerkleTree.root(nodes, from)), hex(MerkleTree.root(nodes, n)),
                hex(MerkleTree.consistencyProof(nodes, from, n)), checkpointAt(from), sized.checkpoint());
    }

    /** A tree size a proof is asked about, and the signed checkpoint of that size when there is one. */
    private record Sized(long size, Checkpoint checkpoint) {
    }

    /** The latest checkpoint as read at an instant. */
    private record Held(Checkpoint checkpoint, Instant readAt) {
    }

    /**
     * The size asked for, or the latest checkpoint's, with the checkpoint of that size: one read when it is signed
     * (a signed checkpoint's size is always in the tree, the sealer grows the tree in the transaction that signs
     * it), so only a size beyond the signed ones costs a look at the latest checkpoint and the tree's size.
     */
    private Sized treeOf(Long size, boolean fresh) {
        if (size != null && size >= 1) {
            var signed = checkpointAt(size);
            if (signed != null) {
                return new Sized(size, signed);
            }
        }
        var latest = latest(fresh);
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

    /** The latest checkpoint, from memory when read less than {@link #HOLD} ago (never before the first one). */
    private Optional<Checkpoint> latest(boolean fresh) {
        var now = clock.now();
        var last = held;
        if (!fresh && last != null && now.isBefore(last.readAt().plus(HOLD))) {
            return Optional.of(last.checkpoint());
        }
        var latest = proofs.checkpoints().latest();
        latest.ifPresent(c -> held = new Held(c, now));
        return latest;
    }

    /** Works the proof out on placeholders to learn its nodes (and the roots' of these sizes). */
    private static Set<Node> wanted(Function<MerkleTree.Nodes, List<byte[]>> proof, long... sizes) {
        var wanted = new LinkedHashSet<Node>();
        MerkleTree.Nodes recording = (level, index) -> {
            wanted.add(new Node(level, index));
            return PLACEHOLDER;
        };
        proof.apply(recording);
        for (long size : sizes) {
            MerkleTree.root(recording, size);
        }
        return wanted;
    }

    private static MerkleTree.Nodes nodes(Map<Node, String> found) {
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
