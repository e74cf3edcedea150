package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;
import java.util.List;

/**
 * Proofs over the ledger's Merkle tree (RFC 9162 §2.1.3 and §2.1.4, ADR 0008), for anyone who holds a signed
 * checkpoint: that an entry is in the tree of a checkpoint, and that a later checkpoint's tree extends an earlier
 * one's. Hashes are hex; positions count from 1 (leaf index = position − 1). A proof shows hashes only, never an
 * entry's content.
 */
public interface LedgerProofUseCase {

    /**
     * {@code entryHash} is the entry's chain hash, {@code leafHash} SHA-256(0x00 ‖ entryHash); {@code path} the audit
     * path, nearest sibling first; {@code checkpoint} the signed checkpoint of that size, when there is one.
     */
    record InclusionProof(long position, long size, String entryHash, String leafHash, List<String> path,
                          String rootHash, Checkpoint checkpoint) {
    }

    record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof,
                            Checkpoint fromCheckpoint, Checkpoint toCheckpoint) {
    }

    /** The entry at {@code position} in the tree of {@code size} entries (the latest checkpoint's when null). */
    InclusionProof inclusion(long position, Long size);

    /** The tree of {@code to} entries (the latest checkpoint's when null) extends the one of {@code from}. */
    ConsistencyProof consistency(long from, Long to);
}
