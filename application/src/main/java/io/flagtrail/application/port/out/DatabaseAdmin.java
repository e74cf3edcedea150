package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.Migration;
import java.util.List;

/** The database itself: what it is, and its schema migrations. */
public interface DatabaseAdmin {

    /** Product, version and address, without credentials. */
    String describe();

    List<Migration> migrations();

    /** Applies pending migrations; answers how many. */
    int migrate();
}
