package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.PurgeLedgerUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerPartitions;
import io.flagtrail.application.port.out.LedgerPartitions.Partition;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * The retention purge. First, as the sealer's one leader, it decides how far entries have outlived the retention
 * period — below the latest checkpoint, so that what is removed was already pinned by a signature and the head
 * stays — and signs a purge record listing the entries under a legal hold that stay, recording the purge in the ledger. Only
 * then does it delete, a bounded batch per transaction; a run cut short leaves a record whose deletions are partly
 * done, which verifies all the same, and the next run finishes them. Where sealed entries are in partitions
 * (PostgreSQL, ADR 0011), a partition the record covers whole and that keeps no entry is dropped at once instead.
 */
public final class PurgeLedgerService implements PurgeLedgerUseCase {

    static final Origin RETENTION = new Origin(Actor.system("retention"), RequestContext.system());

    private final LedgerRetention retention;
    private final LedgerPartitions partitions;
    private final LedgerChain chain;
    private final Checkpoints checkpoints;
    private final LedgerSigner signer;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final AppLogger log;
    private final RetentionSettings settings;

    public PurgeLedgerService(LedgerRetention retention, LedgerPartitions partitions, LedgerChain chain,
                              Checkpoints checkpoints, LedgerSigner signer, AuditTrail trail, Transactions transactions,
                              Clock clock, AppLogger log, RetentionSettings settings) {
        this.retention = retention;
        this.partitions = partitions;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.log = log;
        this.settings = settings;
    }

    @Override
    public PurgeRun purgeDue() {
        if (settings.retention() == null) {
            return new PurgeRun(null, false, 0);
        }
        var decided = transactions.inTransaction(this::signIfDue);
        if (decided.record() == null) {
            return decided;
        }
        int dropped = dropCovered(decided.record());
        long deleted = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> retention.purgeBatch(decided.record(), settings.purgeBatch()));
            deleted += batch;
        } while (batch == settings.purgeBatch());
        if (deleted > 0 || dropped > 0) {
            log.info("ledger entries purged by retention", "purgedTo", decided.record().purgedTo(), "deleted", deleted,
                    "partitionsDropped", dropped, "retained", decided.record().retained().size());
        }
        return new PurgeRun(decided.record(), decided.newRecord(), deleted);
    }

    /**
     * Offers each partition the record covers whole to the database, which drops it, in a transaction with its
     * ledger entry, unless it keeps an entry (retained by the record or under a hold now: the one place that rule
     * is checked); one that stays has its other entries purged row by row. Answers how many went.
     */
    private int dropCovered(PurgeRecord record) {
        int dropped = 0;
        for (var partition : partitions.list()) {
            if (partition.to() - 1 <= record.purgedTo() && transactions.inTransaction(() -> drop(partition, record))) {
                dropped++;
            }
        }
        return dropped;
    }

    private boolean drop(Partition partition, PurgeRecord record) {
        if (!partitions.dropPurged(partition.from())) {
            return false;
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("from", partition.from());
        details.put("to", partition.to());
        details.put("purgedTo", record.purgedTo());
        trail.read(AuditAction.LEDGER_PARTITION_DROPPED, RETENTION, details, Severity.NOTICE);
        return true;
    }

    private PurgeRun signIfDue() {
        var latest = retention.latestPurge().orElse(null);
        var unchanged = new PurgeRun(latest, false, 0);
        var checkpoint = checkpoints.latest().orElse(null);
        if (checkpoint == null || !chain.tryLead()) {
            return unchanged;
        }
        Instant now = clock.now();
        Instant cutoff = now.minus(settings.retention());
        // never the checkpoint's own entry: the newest sealed entry is the head the sealer links the next one to
        long purgedTo = retention.lastPositionBefore(cutoff, checkpoint.size() - 1);
        if (latest != null && purgedTo <= latest.purgedTo() || purgedTo < 1) {
            return unchanged;
        }
        String hashAtPurgedTo = chain.hashAt(purgedTo);
        if (hashAtPurgedTo == null) {
            throw new IllegalStateException("position " + purgedTo + " is missing: verify the ledger before purging");
        }
        var retained = retention.held(purgedTo);
        String keyId = signer.keyId();
        var record = new PurgeRecord(purgedTo, hashAtPurgedTo, retained, now, keyId,
                signer.sign(PurgeRecord.statement(purgedTo, hashAtPurgedTo, retained, now, keyId)));
        retention.addPurge(record);
        var recorded = new LinkedHashMap<String, Object>();
        recorded.put("purgedTo", purgedTo);
        recorded.put("hashAtPurgedTo", hashAtPurgedTo);
        recorded.put("retained", retained.size());
        recorded.put("retention", settings.retention().toString());
        recorded.put("cutoff", LedgerTime.format(cutoff));
        recorded.put("keyId", keyId);
        trail.read(AuditAction.LEDGER_PURGED, RETENTION, recorded, Severity.NOTICE);
        return new PurgeRun(record, true, 0);
    }
}
