package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.Migration;
import java.util.List;

/** What an operator does with the database: look at it, list migrations, migrate (recorded in the ledger). */
public interface ManageDatabaseUseCase {

    String describe();

    List<Migration> migrations();

    /** Applies pending migrations; answers how many were applied. */
    int migrate(Origin origin);
}
