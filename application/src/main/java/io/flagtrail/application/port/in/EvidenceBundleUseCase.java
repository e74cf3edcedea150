package io.flagtrail.application.port.in;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an evidence bundle: a zip of the entries up to the latest checkpoint, that checkpoint, the public keys
 * and a manifest, which {@link VerifyBundleUseCase} (or anyone with the documented rules) checks offline.
 */
public interface EvidenceBundleUseCase {

    void write(Origin origin, OutputStream out) throws IOException;
}
