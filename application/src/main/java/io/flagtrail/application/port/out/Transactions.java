package io.flagtrail.application.port.out;

import java.util.function.Supplier;

/** Runs work atomically: everything inside commits together or not at all. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
