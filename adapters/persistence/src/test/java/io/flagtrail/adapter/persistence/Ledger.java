package io.flagtrail.adapter.persistence;

import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.port.in.VerifyLedgerUseCase.VerifyLedgerCommand;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.EvidenceBundleService;
import io.flagtrail.application.service.audit.LedgerSettings;
import io.flagtrail.application.service.audit.PurgeLedgerService;
import io.flagtrail.application.service.audit.RetentionSettings;
import io.flagtrail.application.service.audit.SealLedgerService;
import io.flagtrail.application.service.audit.VerifyLedgerService;
import io.flagtrail.domain.ledger.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The ledger services wired onto the real JDBC adapters of a test, with a signer made for the run. */
final class Ledger {

    final GeneratedKeySigner signer = new GeneratedKeySigner();
    final SealLedgerService sealer;
    final VerifyLedgerService verifier;
    final EvidenceBundleService evidence;

    Ledger(DatabaseTest test) {
        java.util.function.Supplier<Instant> now = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
        var trail = new AuditTrail(test.ledger, now::get, new DatabaseTest.RandomIds());
        sealer = new SealLedgerService(test.chain, test.checkpoints, signer, test.transactions, now::get,
                new RecordingLogger(), new LedgerSettings(100, 1, Duration.ofDays(1)));
        verifier = new VerifyLedgerService(test.chain, test.checkpoints, signer, test.retention, trail,
                test.transactions);
        evidence = new EvidenceBundleService(test.chain, test.checkpoints, signer, test.retention, trail,
                test.transactions, now::get);
        this.test = test;
    }

    private final DatabaseTest test;

    /** The retention purge as it would run at {@code now}, keeping entries for {@code retention}. */
    PurgeLedgerService purger(Instant now, Duration retention, int batch) {
        return new PurgeLedgerService(test.retention, test.chain, test.checkpoints, signer,
                new AuditTrail(test.ledger, () -> now, new DatabaseTest.RandomIds()), test.transactions, () -> now,
                new RecordingLogger(), new RetentionSettings(retention, batch));
    }

    /** Seals until nothing is pending; every round that seals something signs a checkpoint over it. */
    void sealAll() {
        while (sealer.sealPending().sealed() > 0) {
            // next round
        }
    }

    VerificationReport verify(Long from, Long to) {
        return verifier.verify(new VerifyLedgerCommand(from, to, DatabaseTest.ORIGIN));
    }

    byte[] bundle() throws IOException {
        var out = new ByteArrayOutputStream();
        evidence.bundle(DatabaseTest.ORIGIN).writeTo(out);
        return out.toByteArray();
    }
}
