package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.VerificationReport;

/** Recomputes the chain over a range of positions and reports the first that does not match. */
public interface VerifyLedgerUseCase {

    /** {@code from} defaults to 1 and {@code to} to the last sealed position. */
    record VerifyLedgerCommand(Long from, Long to, Origin origin) {
    }

    VerificationReport verify(VerifyLedgerCommand command);
}
