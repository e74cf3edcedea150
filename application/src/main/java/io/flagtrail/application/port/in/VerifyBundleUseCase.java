package io.flagtrail.application.port.in;

import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Checks an evidence bundle with no database and no network. */
public interface VerifyBundleUseCase {

    default VerificationReport verify(InputStream bundle) throws IOException {
        return verify(bundle, List.of());
    }

    /**
     * Also checks that the bundle extends every {@code trusted} checkpoint (kept from an earlier bundle, read from a
     * witness): its entries reach each one's size with the same head and Merkle root, the bundle's own checkpoint of
     * that size is the same one, and the bundle's keys verify it. Fails with DIVERGED otherwise.
     */
    VerificationReport verify(InputStream bundle, List<Checkpoint> trusted) throws IOException;
}
