package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Transactions;
import java.util.List;
import java.util.function.Supplier;

/** All-or-nothing over in-memory stores: when the work throws, every store goes back to how it was. */
public final class InMemoryTransactions implements Transactions {

    private final List<Rollbackable> stores;

    public InMemoryTransactions(Rollbackable... stores) {
        this.stores = List.of(stores);
    }

    @Override
    public synchronized <T> T inTransaction(Supplier<T> work) {
        var snapshots = stores.stream().map(Rollbackable::snapshot).toList();
        try {
            return work.get();
        } catch (RuntimeException e) {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).restore(snapshots.get(i));
            }
            throw e;
        }
    }
}
