package io.flagtrail.application.port.in;

/**
 * An evidence bundle: a zip of the entries up to the latest checkpoint, that checkpoint, the public keys and a
 * manifest, which {@link VerifyBundleUseCase} (or anyone with the documented rules) checks offline.
 */
public interface EvidenceBundleUseCase {

    AuditDownload bundle(Origin origin);
}
