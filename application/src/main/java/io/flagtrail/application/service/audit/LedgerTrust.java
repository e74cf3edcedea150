package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.LedgerDivergence;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The newest checkpoint this process can vouch for without believing the database: one it signed itself, or the
 * newest one a witness holds (ADR 0008). The database is checked against it before anything is sealed or signed;
 * once they disagree the ledger is diverged, and stays so in this process until it restarts against a database that
 * agrees with the witnesses again. The checkpoint table is never a source of trust, only something to check.
 */
public final class LedgerTrust {

    static final Origin WATCH = new Origin(Actor.system("ledger-trust"), RequestContext.system());

    private final LedgerProofs proofs;
    private final List<CheckpointWitness> witnesses;
    private final AuditTrail trail;
    private final AppLogger log;
    private volatile Checkpoint trusted;
    private volatile LedgerDivergence divergence;
    /** Whether a witness has been read since the start (or there is none): until then nothing can be vouched for. */
    private volatile boolean loaded;

    public LedgerTrust(LedgerProofs proofs, List<CheckpointWitness> witnesses, AuditTrail trail, AppLogger log) {
        this.proofs = proofs;
        this.witnesses = List.copyOf(witnesses);
        this.trail = trail;
        this.log = log;
        this.loaded = this.witnesses.isEmpty();
    }

    public List<CheckpointWitness> witnesses() {
        return witnesses;
    }

    /**
     * Within the caller's transaction: whether the sealer may seal and sign. Not when the ledger has diverged, nor
     * before any witness could be read since the start (a witness that is down delays sealing, never a write).
     */
    public boolean mayExtend() {
        if (divergence != null) {
            return false;
        }
        var found = check(); // reads the witnesses first when none has answered yet
        return loaded && found.isEmpty();
    }

    /** Reads every witness's newest checkpoint and vouches for the newest of them; loaded once any answered. */
    private void load() {
        for (var witness : witnesses) {
            try {
                witness.latest().ifPresent(this::vouchFor);
                loaded = true;
            } catch (CheckpointWitness.Unreachable e) {
                log.warn("witness unreachable; sealing waits for a witness to answer", "witness", witness.name(),
                        "error", e.getMessage());
            }
        }
    }

    public Optional<Checkpoint> trusted() {
        return Optional.ofNullable(trusted);
    }

    public Optional<LedgerDivergence> divergence() {
        return Optional.ofNullable(divergence);
    }

    /** Takes {@code checkpoint} as vouched for when it is newer than the one held (a smaller one teaches nothing). */
    public synchronized void vouchFor(Checkpoint checkpoint) {
        if (trusted == null || checkpoint.size() > trusted.size()) {
            trusted = checkpoint;
        }
    }

    /**
     * Within the caller's transaction: whether the database still agrees with the trusted checkpoint. The first
     * disagreement is recorded (one CRITICAL {@code LEDGER_DIVERGED} entry) and logged; later calls answer it again.
     */
    public Optional<LedgerDivergence> check() {
        if (divergence != null) {
            return Optional.of(divergence);
        }
        if (!loaded) {
            load();
        }
        var found = trusted().flatMap(checkpoint -> {
            String hash = proofs.chain().hashAt(checkpoint.size());
            // the purge record only speaks for a position whose entry is gone: read it only then
            var purge = hash == null ? proofs.retention().latestPurge().orElse(null) : null;
            return LedgerDivergence.between(checkpoint, proofs.chain().head().size(), hash,
                    proofs.checkpoints().within(checkpoint.size(), checkpoint.size()).stream().findFirst(),
                    proofs.signer().publicKeys(), purge);
        });
        found.ifPresent(this::diverged);
        return found;
    }

    /** Records a divergence found elsewhere (a witness holding what no known key signed); once per process. */
    public synchronized void diverged(LedgerDivergence found) {
        if (divergence != null) {
            return;
        }
        divergence = found;
        var details = new LinkedHashMap<String, Object>();
        details.put("position", found.position());
        details.put("detail", found.detail());
        details.put("trustedSize", found.trustedSize());
        trail.entry(AuditAction.LEDGER_DIVERGED, WATCH).on(new Subject("ledger", "chain", null)).failed()
                .severity(Severity.CRITICAL).details(details).record();
        log.error("ALARM the ledger in the database diverges from the checkpoint vouched for outside it: nothing more "
                + "is sealed or signed until an operator resolves it (docs/operations.md)", null, "position",
                found.position(), "detail", found.detail());
    }
}
