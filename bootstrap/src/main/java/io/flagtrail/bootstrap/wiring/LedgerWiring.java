package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.LedgerPartitionsUseCase;
import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import io.flagtrail.application.port.in.ManageLegalHoldsUseCase;
import io.flagtrail.application.port.in.PurgeLedgerUseCase;
import io.flagtrail.application.port.in.QueryAuditUseCase;
import io.flagtrail.application.port.in.SealLedgerUseCase;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.application.port.out.Checkpoints;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.DatabaseAdmin;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.LedgerPartitions;
import io.flagtrail.application.port.out.LedgerRetention;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.port.out.LedgerTree;
import io.flagtrail.application.port.out.LegalHolds;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.EvidenceBundleService;
import io.flagtrail.application.service.audit.ExportAuditService;
import io.flagtrail.application.service.audit.LedgerPartitionService;
import io.flagtrail.application.service.audit.LedgerProofService;
import io.flagtrail.application.service.audit.LedgerProofs;
import io.flagtrail.application.service.audit.LedgerSettings;
import io.flagtrail.application.service.audit.LedgerStatusService;
import io.flagtrail.application.service.audit.LedgerTrust;
import io.flagtrail.application.service.audit.LegalHoldService;
import io.flagtrail.application.service.audit.ManageDatabaseService;
import io.flagtrail.application.service.audit.PurgeLedgerService;
import io.flagtrail.application.service.audit.QueryAuditService;
import io.flagtrail.application.service.audit.RetentionSettings;
import io.flagtrail.application.service.audit.SealLedgerService;
import io.flagtrail.application.service.audit.VerifyLedgerService;
import io.flagtrail.application.service.audit.WitnessService;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.convert.ConversionService;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;

/**
 * The audit trail and its ledger: the one writer of entries, queries and exports, sealing and verification,
 * retention with legal holds, and schema migrations (recorded in the ledger).
 */
@Factory
final class LedgerWiring {

    @Singleton
    AuditTrail auditTrail(AuditLedger ledger, Clock clock, IdGenerator ids) {
        return new AuditTrail(ledger, clock, ids);
    }

    @Singleton
    QueryAuditUseCase queryAudit(AuditLedger ledger, AuditTrail trail, Transactions transactions) {
        return new QueryAuditService(ledger, trail, transactions);
    }

    @Singleton
    ExportAuditUseCase exportAudit(LedgerChain chain, AuditTrail trail, Transactions transactions) {
        return new ExportAuditService(chain, trail, transactions);
    }

    @Singleton
    LedgerProofs ledgerProofs(LedgerChain chain, Checkpoints checkpoints, LedgerSigner signer,
                              LedgerRetention retention) {
        return new LedgerProofs(chain, checkpoints, signer, retention);
    }

    @Singleton
    EvidenceBundleUseCase evidenceBundle(LedgerProofs proofs, AuditTrail trail, Transactions transactions, Clock clock) {
        return new EvidenceBundleService(proofs, trail, transactions, clock);
    }

    @Singleton
    LedgerSettings ledgerSettings(LedgerProperties properties) {
        return new LedgerSettings(properties.sealBatch(), properties.checkpointEveryEntries(),
                properties.checkpointEvery());
    }

    /** What this process vouches for, from the witnesses outside the database (ADR 0008); one per process. */
    @Singleton
    LedgerTrust ledgerTrust(LedgerProofs proofs, List<CheckpointWitness> witnesses, AuditTrail trail, AppLogger log) {
        return new LedgerTrust(proofs, witnesses, trail, log);
    }

    @Singleton
    WitnessLedgerUseCase witnessLedger(LedgerTrust trust, LedgerProofs proofs, LedgerProofUseCase ledgerProof,
                                       Transactions transactions, Clock clock, AppLogger log) {
        return new WitnessService(trust, proofs, ledgerProof, transactions, clock, log);
    }

    @Singleton
    SealLedgerUseCase sealLedger(LedgerChain chain, LedgerTree tree, Checkpoints checkpoints, LedgerSigner signer,
                                 Transactions transactions, Clock clock, AppLogger log, LedgerSettings settings,
                                 LedgerTrust trust) {
        return new SealLedgerService(chain, tree, checkpoints, signer, transactions, clock, log, settings, trust);
    }

    @Singleton
    VerifyLedgerUseCase verifyLedger(LedgerProofs proofs, AuditTrail trail, Transactions transactions,
                                     LedgerTrust trust) {
        return new VerifyLedgerService(proofs, trail, transactions, trust);
    }

    @Singleton
    LedgerProofUseCase ledgerProof(LedgerTree tree, LedgerProofs proofs, Clock clock) {
        return new LedgerProofService(tree, proofs, clock);
    }

    @Singleton
    LedgerStatusUseCase ledgerStatus(LedgerProofs proofs, Clock clock, LedgerTrust trust) {
        return new LedgerStatusService(proofs, clock, trust);
    }

    /**
     * Retention is off (entries kept forever) unless {@code flagtrail.ledger.retention} is set. Converted here, at
     * startup ({@code @Context}): a value that is no duration must stop the service, not quietly mean "forever".
     */
    @Context
    RetentionSettings retentionSettings(LedgerProperties properties, ConversionService conversion) {
        String retention = properties.retention();
        Duration period = retention == null || retention.isBlank() ? null
                : conversion.convert(retention.strip(), Duration.class).orElseThrow(() -> new IllegalStateException(
                        "FLAGTRAIL_LEDGER_RETENTION must be a duration such as 400d or 8760h, was '" + retention + "'"));
        return new RetentionSettings(period, properties.purgeBatch());
    }

    @Singleton
    PurgeLedgerUseCase purgeLedger(LedgerRetention retention, LedgerPartitions partitions, LedgerChain chain,
                                   Checkpoints checkpoints, LedgerSigner signer, AuditTrail trail,
                                   Transactions transactions, Clock clock, AppLogger log, RetentionSettings settings) {
        return new PurgeLedgerService(retention, partitions, chain, checkpoints, signer, trail, transactions, clock, log,
                settings);
    }

    /** {@code flagtrail.ledger.partition-span} out of bounds stops the service here, naming the setting. */
    @Singleton
    LedgerPartitionsUseCase ledgerPartitions(LedgerPartitions partitions, LedgerChain chain, AuditTrail trail,
                                             Transactions transactions, LedgerProperties properties) {
        try {
            return new LedgerPartitionService(partitions, chain, trail, transactions, properties.partitionSpan());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FLAGTRAIL_LEDGER_PARTITION_SPAN: " + e.getMessage(), e);
        }
    }

    @Singleton
    ManageLegalHoldsUseCase legalHolds(LegalHolds holds, AuditTrail trail, Transactions transactions, Clock clock,
                                       IdGenerator ids) {
        return new LegalHoldService(holds, trail, transactions, clock, ids);
    }

    @Singleton
    ManageDatabaseUseCase manageDatabase(DatabaseAdmin database, AuditTrail trail, Transactions transactions) {
        return new ManageDatabaseService(database, trail, transactions);
    }
}
