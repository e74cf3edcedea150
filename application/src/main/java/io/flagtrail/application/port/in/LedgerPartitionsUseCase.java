package io.flagtrail.application.port.in;

import io.flagtrail.application.port.out.LedgerPartitions.Partition;
import java.util.List;

/**
 * The partitions sealed entries are stored in (PostgreSQL, ADR 0011): how much room is left past the head, and
 * making more ahead of it. Dropping wholly purged partitions belongs to the retention purge.
 */
public interface LedgerPartitionsUseCase {

    /**
     * The layout: partitions in position order (none where the store keeps one table; then head 0 and unbounded
     * room), the head, the positions left past it, the span new partitions get, and whether the room left is under
     * half a span (the job that makes room is failing).
     */
    record Layout(List<Partition> partitions, long head, long room, long span, boolean low) {

        public boolean partitioned() {
            return !partitions.isEmpty();
        }
    }

    Layout layout();

    /** Adds partitions until a span's worth of positions fits past the head, each recorded; answers those added. */
    List<Partition> makeRoom();
}
