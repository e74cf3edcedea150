package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.LedgerPartitions;
import java.util.List;

/** The partitions of a store that keeps its sealed entries in one table (in memory, as H2): none. */
public final class OneTable implements LedgerPartitions {

    @Override
    public List<Partition> list() {
        return List.of();
    }

    @Override
    public List<Partition> makeRoom(long span, long room) {
        return List.of();
    }

    @Override
    public boolean dropPurged(long from) {
        return false;
    }
}
