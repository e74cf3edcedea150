package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.LegalHold;
import java.util.List;
import java.util.UUID;

/** Places, releases and lists legal holds; placing and releasing are recorded in the ledger. */
public interface ManageLegalHoldsUseCase {

    record PlaceLegalHoldCommand(String subjectType, String subjectId, String reason, Origin origin) {
    }

    LegalHold place(PlaceLegalHoldCommand command);

    LegalHold release(UUID id, String reason, Origin origin);

    List<LegalHold> list(boolean activeOnly);
}
