package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.ledger.ChainVerifier;
import io.flagtrail.domain.ledger.LedgerDivergence;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.VerificationFailure;
import io.flagtrail.domain.ledger.VerificationReport;
import java.util.LinkedHashMap;

/**
 * Recomputes every hash of a range from the stored content, streaming (constant memory at any size), and checks
 * each signed checkpoint inside it; then the database against the checkpoint vouched for outside it
 * ({@link LedgerTrust}), which a chain rewritten consistently cannot pass. The run is recorded; a failed
 * verification is recorded as CRITICAL.
 */
public final class VerifyLedgerService implements VerifyLedgerUseCase {

    private final LedgerProofs proofs;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final LedgerTrust trust;

    public VerifyLedgerService(LedgerProofs proofs, AuditTrail trail, Transactions transactions, LedgerTrust trust) {
        this.proofs = proofs;
        this.trail = trail;
        this.transactions = transactions;
        this.trust = trust;
    }

    @Override
    public VerificationReport verify(VerifyLedgerCommand command) {
        long from = command.from() == null ? 1 : command.from();
        var report = transactions.inTransaction(() -> {
            long to = command.to() == null ? proofs.chain().head().size() : command.to();
            if (from < 1 || to < from - 1) {
                throw InvalidInput.of("from", "must be at least 1 and at most to");
            }
            // Below a purge the entry before from may be gone; the verifier then anchors on the purge record.
            String anchor = from == 1 ? LedgerHash.GENESIS : proofs.chain().hashAt(from - 1);
            var verifier = new ChainVerifier(from, to, anchor == null ? LedgerHash.GENESIS : anchor,
                    proofs.checkpoints().within(from, to), proofs.signer().publicKeys(), proofs.retention().latestPurge().orElse(null));
            proofs.chain().read(from, to, link -> verifier.accept(link.position(), link.prevHash(), link.hash(),
                    LedgerHash.of(link.fields(), link.position(), link.prevHash())));
            var chained = verifier.finish();
            var diverged = chained.verified() ? trust.check() : java.util.Optional.<LedgerDivergence>empty();
            return diverged.map(d -> new VerificationReport(false, from, Math.min(chained.verifiedUpTo(), d.position() - 1),
                    chained.entriesChecked(), chained.checkpoint(), d.position(), VerificationFailure.DIVERGED, d.detail(),
                    chained.purge())).orElse(chained);
        });
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put("from", from);
        recorded.put("to", command.to());
        recorded.put("verified", report.verified());
        recorded.put("summary", report.summary());
        transactions.inTransaction(() -> {
            trail.read(AuditAction.AUDIT_VERIFIED, command.origin(), recorded,
                    report.verified() ? Severity.INFO : Severity.CRITICAL);
            return null;
        });
        return report;
    }
}
