package io.flagtrail.adapter.web.audit;

import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase.LedgerStatus;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.PurgeRecord;
import io.flagtrail.domain.ledger.VerificationReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The ledger as the API shows it: status, checkpoints, keys and verification reports. */
final class LedgerResponses {

    private LedgerResponses() {
    }

    @Serdeable
    @Schema(name = "Checkpoint")
    record CheckpointView(long size, String headHash,
                          @Nullable @Schema(description = "version 2: the Merkle root over the entries up to size")
                          String rootHash,
                          @Nullable @Schema(description = "version 2: SHA-256 of the previous checkpoint's statement")
                          String previous,
                          Instant issuedAt, String keyId, String signature) {
        static CheckpointView of(Checkpoint c) {
            return c == null ? null : new CheckpointView(c.size(), c.headHash(), c.rootHash(), c.previous(),
                    c.issuedAt(), c.keyId(), c.signature());
        }

        /** The checkpoint a client sent; a field it left out is refused naming it. */
        Checkpoint checkpoint() {
            try {
                return new Checkpoint(size, headHash, rootHash, previous, issuedAt, keyId, signature);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw io.flagtrail.domain.error.InvalidInput.of("checkpoint", String.valueOf(e.getMessage()));
            }
        }
    }

    @Serdeable
    @Schema(name = "InclusionProof")
    record InclusionView(long position, long size, String entryHash, String leafHash, List<String> path,
                         String rootHash, @Nullable CheckpointView checkpoint) {
        static InclusionView of(LedgerProofUseCase.InclusionProof p) {
            return new InclusionView(p.position(), p.size(), p.entryHash(), p.leafHash(), p.path(), p.rootHash(),
                    CheckpointView.of(p.checkpoint()));
        }
    }

    @Serdeable
    @Schema(name = "ConsistencyProof")
    record ConsistencyView(long from, long to, String fromRoot, String toRoot, List<String> proof,
                           @Nullable CheckpointView fromCheckpoint, @Nullable CheckpointView toCheckpoint) {
        static ConsistencyView of(LedgerProofUseCase.ConsistencyProof p) {
            return new ConsistencyView(p.from(), p.to(), p.fromRoot(), p.toRoot(), p.proof(),
                    CheckpointView.of(p.fromCheckpoint()), CheckpointView.of(p.toCheckpoint()));
        }
    }

    @Serdeable
    @Schema(name = "LedgerStatus")
    record StatusView(long size, String headHash, long unsealed, long sealingLagMillis,
                      @Nullable CheckpointView latestCheckpoint, long purgedTo,
                      @Schema(description = "OK, or DIVERGED when the database disagrees with a checkpoint held "
                              + "outside it; then nothing more is sealed or signed") String integrity,
                      @Nullable DivergenceView divergence) {
        static StatusView of(LedgerStatus s) {
            var d = s.divergence();
            return new StatusView(s.size(), s.headHash(), s.unsealed(), s.sealingLagMillis(),
                    CheckpointView.of(s.latestCheckpoint()), s.purgedTo(), d == null ? "OK" : "DIVERGED",
                    d == null ? null : new DivergenceView(d.position(), d.trustedSize(), d.detail()));
        }
    }

    @Serdeable
    @Schema(name = "LedgerDivergence")
    record DivergenceView(long position, long trustedSize, String detail) {
    }

    @Serdeable
    @Schema(name = "RetainedEntry")
    record RetainedView(long position, String hash) {
    }

    @Serdeable
    @Schema(name = "PurgeRecord")
    record PurgeView(long purgedTo, String hashAtPurgedTo, List<RetainedView> retained, Instant issuedAt, String keyId,
                     String signature) {
        static PurgeView of(PurgeRecord p) {
            return new PurgeView(p.purgedTo(), p.hashAtPurgedTo(), p.retained().entrySet().stream()
                    .map(e -> new RetainedView(e.getKey(), e.getValue())).toList(), p.issuedAt(), p.keyId(),
                    p.signature());
        }
    }

    @Serdeable
    @Schema(name = "SigningKey")
    record KeyView(String keyId, String algorithm, String publicKey) {
    }

    @Serdeable
    @Schema(name = "SigningKeys")
    record KeysView(List<KeyView> keys) {
    }

    @Serdeable
    @Schema(name = "VerifyRequest")
    record VerifyRequest(@Nullable Long from, @Nullable Long to) {
    }

    /** {@code signers}: each key whose signatures held, with the first and last time it signed, oldest first. */
    @Serdeable
    @Schema(name = "VerificationReport")
    record ReportView(boolean verified, String summary, long from, long verifiedUpTo, long entriesChecked,
                      @Nullable CheckpointView checkpoint, @Nullable Long failedAt, @Nullable String failure,
                      @Nullable String detail, @Nullable Long purgedTo, List<SignerView> signers) {
        static ReportView of(VerificationReport r) {
            return new ReportView(r.verified(), r.summary(), r.from(), r.verifiedUpTo(), r.entriesChecked(),
                    CheckpointView.of(r.checkpoint()), r.failedAt(), r.failure() == null ? null : r.failure().name(),
                    r.detail(), r.purge() == null ? null : r.purge().purgedTo(),
                    r.signers().stream().map(p -> new SignerView(p.keyId(), p.firstSigned(), p.lastSigned())).toList());
        }
    }

    @Serdeable
    @Schema(name = "Signer")
    record SignerView(String keyId, Instant firstSigned, Instant lastSigned) {
    }
}
