package io.flagtrail.domain.ledger;

import java.util.Map;
import java.util.Optional;

/**
 * The database's ledger disagrees with a checkpoint vouched for outside it (ADR 0008): {@code position} is where the
 * disagreement shows, {@code trustedSize} the size of the checkpoint it disagrees with.
 */
public record LedgerDivergence(long position, long trustedSize, String detail) {

    /**
     * Whether the stored ledger is an extension of {@code trusted}: signed by a key the ledger lists, a chain that
     * reaches its size with its head hash there ({@code hashAtSize}, null when no sealed entry is there), and the same
     * checkpoint in the checkpoint table ({@code stored}). Below a purge that removed the entry at its size only the
     * purge record can speak for it, so the chain is not compared there.
     */
    public static Optional<LedgerDivergence> between(Checkpoint trusted, long chainSize, String hashAtSize,
                                                     Optional<Checkpoint> stored, Map<String, String> publicKeys,
                                                     PurgeRecord purge) {
        long size = trusted.size();
        var unsigned = new KeyRing(publicKeys).refuses(trusted);
        if (unsigned != null) {
            return diverged(size, size, "the trusted checkpoint of size " + size + " is not signed by a key the "
                    + "ledger lists (" + unsigned.detail() + "): the signing key was replaced");
        }
        if (chainSize < size) {
            return diverged(chainSize + 1, size, "the chain ends at " + chainSize + ", below the trusted checkpoint of "
                    + "size " + size + ": entries were removed from its tail");
        }
        boolean purgedThere = purge != null && purge.purgedTo() >= size;
        if (hashAtSize == null && !purgedThere) {
            return diverged(size, size, "no sealed entry at position " + size + ", which a trusted checkpoint covers");
        }
        if (hashAtSize != null && !hashAtSize.equals(trusted.headHash())) {
            return diverged(size, size, "the chain's hash at " + size + " is " + hashAtSize + " but the trusted "
                    + "checkpoint's head is " + trusted.headHash() + ": the chain was rewritten at or before " + size);
        }
        if (stored.isEmpty()) {
            return diverged(size, size, "the checkpoint table has no checkpoint of size " + size
                    + ", which was signed and witnessed: checkpoints were deleted");
        }
        if (!stored.get().equals(trusted)) {
            return diverged(size, size, "the checkpoint table's checkpoint of size " + size
                    + " is not the one that was signed and witnessed: it was replaced");
        }
        return Optional.empty();
    }

    private static Optional<LedgerDivergence> diverged(long position, long trustedSize, String detail) {
        return Optional.of(new LedgerDivergence(position, trustedSize, detail));
    }
}
