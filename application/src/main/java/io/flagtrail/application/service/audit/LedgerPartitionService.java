package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.LedgerPartitionsUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerPartitions;
import io.flagtrail.application.port.out.LedgerPartitions.Partition;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Keeps a span of positions ready past the head, so that sealing never finds no partition to put an entry in: the
 * partition job calls {@link #makeRoom()} at start and every few minutes, and each partition added is recorded in
 * the ledger in the transaction that adds it.
 */
public final class LedgerPartitionService implements LedgerPartitionsUseCase {

    static final Origin LEDGER = new Origin(Actor.system("ledger"), RequestContext.system());
    /** The fewest and most positions a partition may span (the database's function checks the same, V15_2). */
    public static final long MIN_SPAN = 100;
    public static final long MAX_SPAN = 1_000_000_000;

    private final LedgerPartitions partitions;
    private final LedgerChain chain;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final long span;

    public LedgerPartitionService(LedgerPartitions partitions, LedgerChain chain, AuditTrail trail,
                                  Transactions transactions, long span) {
        if (span < MIN_SPAN || span > MAX_SPAN) {
            throw new IllegalArgumentException("a ledger partition spans " + MIN_SPAN + " to " + MAX_SPAN
                    + " positions, not " + span);
        }
        this.partitions = partitions;
        this.chain = chain;
        this.trail = trail;
        this.transactions = transactions;
        this.span = span;
    }

    @Override
    public Layout layout() {
        var all = partitions.list();
        if (all.isEmpty()) {
            return new Layout(all, 0, Long.MAX_VALUE, span, false);
        }
        long head = chain.head().size();
        long room = all.getLast().to() - (head + 1);
        return new Layout(all, head, room, span, room < span / 2);
    }

    @Override
    public List<Partition> makeRoom() {
        return transactions.inTransaction(() -> {
            var added = partitions.makeRoom(span, span);
            for (var partition : added) {
                var details = new LinkedHashMap<String, Object>();
                details.put("from", partition.from());
                details.put("to", partition.to());
                trail.read(AuditAction.LEDGER_PARTITION_ADDED, LEDGER, details, Severity.NOTICE);
            }
            return added;
        });
    }
}
