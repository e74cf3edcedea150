package io.flagtrail.application.contract;

import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.fakes.InMemoryWitness;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.port.in.VerifyLedgerUseCase.VerifyLedgerCommand;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.EvidenceBundleService;
import io.flagtrail.application.service.audit.LedgerProofService;
import io.flagtrail.application.service.audit.LedgerProofs;
import io.flagtrail.application.service.audit.LedgerSettings;
import io.flagtrail.application.service.audit.LedgerTrust;
import io.flagtrail.application.service.audit.PurgeLedgerService;
import io.flagtrail.application.service.audit.RetentionSettings;
import io.flagtrail.application.service.audit.SealLedgerService;
import io.flagtrail.application.service.audit.VerifyLedgerService;
import io.flagtrail.application.service.audit.WitnessService;
import io.flagtrail.domain.ledger.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The ledger services wired onto one implementation's stores, with a signer made for the run. */
public final class LedgerServices {

    public final GeneratedKeySigner signer;
    /** The witness outside the stores, shared by whatever services a test builds on these stores. */
    public final InMemoryWitness witness;
    public final LedgerTrust trust;
    public final WitnessService witnessing;
    private final SealLedgerService sealer;
    private final VerifyLedgerService verifier;
    private final EvidenceBundleService evidence;
    private final Stores stores;

    public LedgerServices(Stores stores) {
        this(stores, new InMemoryWitness(), new GeneratedKeySigner());
    }

    /** The services as another process would build them on these stores, witness and signing key. */
    public LedgerServices(Stores stores, InMemoryWitness witness, GeneratedKeySigner signer) {
        java.util.function.Supplier<Instant> now = () -> Instant.now().truncatedTo(ChronoUnit.MICROS);
        var trail = new AuditTrail(stores.ledger(), now::get, new Samples.RandomIds());
        var proofs = new LedgerProofs(stores.chain(), stores.checkpoints(), signer, stores.retention());
        this.witness = witness;
        this.signer = signer;
        trust = new LedgerTrust(proofs, List.of(witness), trail, new RecordingLogger());
        witnessing = new WitnessService(trust, proofs, new LedgerProofService(stores.tree(), proofs, now::get),
                stores.transactions(), now::get, new RecordingLogger());
        sealer = new SealLedgerService(stores.chain(), stores.tree(), stores.checkpoints(), signer, stores.transactions(), now::get,
                new RecordingLogger(), new LedgerSettings(100, 1, Duration.ofDays(1)), trust);
        verifier = new VerifyLedgerService(proofs, trail, stores.transactions(), trust);
        evidence = new EvidenceBundleService(proofs, trail, stores.transactions(), now::get);
        this.stores = stores;
    }

    /** The same services as a new process builds them: same stores, witness and key, nothing in memory. */
    public LedgerServices restarted() {
        return new LedgerServices(stores, witness, signer);
    }

    /** The retention purge as it would run at {@code now}, keeping entries for {@code retention}. */
    public PurgeLedgerService purger(Instant now, Duration retention, int batch) {
        return new PurgeLedgerService(stores.retention(), stores.partitions(), stores.chain(), stores.checkpoints(), signer,
                new AuditTrail(stores.ledger(), () -> now, new Samples.RandomIds()), stores.transactions(), () -> now,
                new RecordingLogger(), new RetentionSettings(retention, batch));
    }

    /** One sealing round, as the job runs it: at most a batch (100 here) sealed. */
    public long sealOnce() {
        return sealer.sealPending().sealed();
    }

    /** Seals until nothing is pending; every round that seals something signs a checkpoint over it. */
    public void sealAll() {
        while (sealer.sealPending().sealed() > 0) {
            // next round
        }
    }

    public VerificationReport verify(Long from, Long to) {
        return verifier.verify(new VerifyLedgerCommand(from, to, Samples.ORIGIN));
    }

    public byte[] bundle() throws IOException {
        return bundle(null);
    }

    /** The bundle with the entries of {@code selection} (a project, or an environment of one) on their own too. */
    public byte[] bundle(io.flagtrail.domain.audit.AuditPlace selection) throws IOException {
        var out = new ByteArrayOutputStream();
        evidence.bundle(selection, Samples.ORIGIN).writeTo(out);
        return out.toByteArray();
    }
}
