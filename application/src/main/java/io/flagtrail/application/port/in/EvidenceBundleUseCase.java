package io.flagtrail.application.port.in;

import io.flagtrail.domain.audit.AuditPlace;

/**
 * An evidence bundle: a zip of the entries up to the latest checkpoint, that checkpoint, the public keys and a
 * manifest, which {@link VerifyBundleUseCase} (or anyone with the documented rules) checks offline.
 */
public interface EvidenceBundleUseCase {

    /**
     * The bundle of the whole ledger up to the latest checkpoint; with {@code selection} (a project, or an environment
     * of one) it also holds that place's entries on their own, which the verifier checks are all of them.
     */
    AuditDownload bundle(AuditPlace selection, Origin origin);
}
