package io.flagtrail.application.port.out;

import io.flagtrail.domain.ledger.LegalHold;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Legal holds on ledger subjects, active and released. */
public interface LegalHolds {

    void add(LegalHold hold);

    Optional<LegalHold> find(UUID id);

    /** Stores the release of a hold. */
    void release(LegalHold released);

    /** Newest first; only the active ones when {@code activeOnly}. */
    List<LegalHold> list(boolean activeOnly);
}
