package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.VerificationReport;
import java.io.IOException;
import java.io.InputStream;

/** Checks an evidence bundle with no database and no network. */
public interface VerifyBundleUseCase {

    VerificationReport verify(InputStream bundle) throws IOException;
}
