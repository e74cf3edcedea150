package io.flagtrail.application.fakes;

/** A fake store that can take part in {@link InMemoryTransactions}: snapshot before, restore on failure. */
public interface Rollbackable {

    Object snapshot();

    void restore(Object snapshot);
}
