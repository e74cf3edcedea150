package io.flagtrail.domain.ledger;

/** Why verification stopped, at the first position that does not match. */
public enum VerificationFailure {
    /** The entry's content does not hash to its stored hash: a field was changed. */
    HASH_MISMATCH,
    /** The entry's prevHash is not the hash of the entry before it: something was inserted, removed or moved. */
    BROKEN_LINK,
    /** A position is missing: an entry was removed (or a checkpoint claims more entries than there are). */
    GAP,
    /** A position came again or out of order: entries were duplicated or reordered. */
    REORDERED,
    /** A checkpoint's head hash is not the hash of the entry at its size. */
    CHECKPOINT_MISMATCH,
    /** A version 2 checkpoint's Merkle root is not the root of the entries up to its size. */
    ROOT_MISMATCH,
    /** A version 2 checkpoint does not name the checkpoint before it: one between them was removed or replaced. */
    CHECKPOINT_CHAIN,
    /** A checkpoint's signature does not verify under its key. */
    BAD_SIGNATURE,
    /** A checkpoint names a signing key that is not known. */
    UNKNOWN_KEY,
    /** A checkpoint or purge record was signed outside the period the bundle lists for its key (offline). */
    KEY_PERIOD,
    /** An entry a signed purge record vouches for (retained, or where the chain resumes) has another hash. */
    PURGE_MISMATCH,
    /**
     * An evidence bundle's selection (the entries of one project or environment) leaves out an entry of its place,
     * holds one of another place, or holds one that is not the chain's (offline verification).
     */
    SELECTION_MISMATCH,
    /** An evidence bundle's change-management report is not the one its selected entries make (offline). */
    REPORT_MISMATCH,
    /** An exported entry or file is not well-formed (offline verification). */
    MALFORMED,
    /**
     * The chain verifies on its own, but not against a checkpoint held outside the database (a witness, or one this
     * service signed): it was rewritten consistently, its tail removed, or its checkpoints deleted or replaced.
     */
    DIVERGED
}
