package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.AuditQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The hash chain over the audit ledger, as the sealer and the verifier see it. Entries are handed over as their
 * canonical fields (what is hashed), never as rows. The only change this port allows is sealing an unsealed entry.
 */
public interface LedgerChain {

    /** The last sealed position (0 when none) and its hash. */
    record Head(long size, String hash) {
    }

    /** An entry waiting to be sealed; {@code ref} is the store's own handle for it. */
    record Pending(long ref, Map<String, Object> fields) {
    }

    /** The chain fields to give one pending entry. */
    record Seal(long ref, long position, String prevHash, String hash) {
    }

    /** A stored entry with its chain fields (null while unsealed). */
    record Link(Long position, String prevHash, String hash, Map<String, Object> fields) {
    }

    /**
     * How far sealing is behind: unsealed entries, counted up to {@link #COUNTED_UP_TO} (a larger backlog reads as
     * that many: counting millions exactly on every status poll would slow the sealer that drains them), and when
     * the oldest of them happened.
     */
    record Backlog(long unsealed, Instant oldest) {
        public static final long COUNTED_UP_TO = 100_000;
    }

    /**
     * Within the caller's transaction, becomes the one sealer for as long as the transaction lasts; false when
     * another instance is sealing now.
     */
    boolean tryLead();

    Head head();

    /** Unsealed entries, oldest visible first. */
    List<Pending> pending(int limit);

    void seal(List<Seal> seals);

    /** The stored hash of one sealed position. */
    String hashAt(long position);

    /** Sealed entries from {@code from} to {@code to} in position order, one at a time, until {@code each} says stop. */
    void read(long from, long to, Predicate<Link> each);

    /** Entries matching the query, newest first, sealed or not, one at a time, until {@code each} says stop. */
    void export(AuditQuery query, Predicate<Link> each);

    Backlog backlog();
}
