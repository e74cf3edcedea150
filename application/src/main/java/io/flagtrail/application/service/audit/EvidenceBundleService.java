package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.AuditDownload;
import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.KeyPeriods;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.PurgeRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes the evidence bundle (see {@link EvidenceBundle}), streaming the entries. */
public final class EvidenceBundleService implements EvidenceBundleUseCase {

    private final LedgerProofs proofs;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;

    public EvidenceBundleService(LedgerProofs proofs, AuditTrail trail, Transactions transactions, Clock clock) {
        this.proofs = proofs;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public AuditDownload bundle(AuditPlace place, Origin origin) {
        var selection = Selection.of(place);
        var checkpoint = proofs.checkpoints().latest().orElseThrow(() ->
                new NotFound("ledger.no_checkpoint", "no checkpoint has been signed yet; try again in a minute"));
        transactions.inTransaction(() -> {
            var read = new LinkedHashMap<String, Object>();
            read.put("to", checkpoint.size());
            if (selection != null) {
                read.put("selection", selection.toString());
            }
            trail.read(AuditAction.EVIDENCE_EXPORTED, origin, read);
            return null;
        });
        var purge = proofs.retention().latestPurge().orElse(null);
        return out -> write(checkpoint, purge, selection, out);
    }

    private void write(Checkpoint checkpoint, PurgeRecord purge, Selection selection, OutputStream out)
            throws IOException {
        var digests = new LinkedHashMap<String, Object>();
        var zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        file(zip, EvidenceBundle.CHECKPOINT, digests, stream -> stream.write(bytes(checkpoint.json())));
        var periods = new KeyPeriods();
        file(zip, EvidenceBundle.CHECKPOINTS, digests, stream -> transactions.inTransaction(() -> {
            for (var signed : proofs.checkpoints().within(1, checkpoint.size())) {
                periods.signed(signed.keyId(), signed.issuedAt());
                try {
                    stream.write(bytes(signed.json() + "\n"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return null;
        }));
        if (purge != null) {
            periods.signed(purge.keyId(), purge.issuedAt());
        }
        file(zip, EvidenceBundle.KEYS, digests, stream -> stream.write(bytes(
                EvidenceBundle.keysJson(periods.periods(), proofs.signer().publicKeys()))));
        if (purge != null) {
            file(zip, EvidenceBundle.PURGE, digests, stream -> stream.write(bytes(EvidenceBundle.purgeJson(purge))));
        }
        if (selection != null) {
            file(zip, EvidenceBundle.SELECTION, digests, stream -> stream.write(bytes(selection.json())));
        }
        var selected = new HashSet<Long>();
        file(zip, EvidenceBundle.ENTRIES, digests, stream -> transactions.inTransaction(() -> {
            proofs.chain().read(1, checkpoint.size(), link -> {
                try {
                    var line = LedgerLines.ndjson(link);
                    if (selection != null && selection.holds(line)) {
                        selected.add(link.position());
                    }
                    stream.write(bytes(line + "\n"));
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return null;
        }));
        if (selection != null) {
            // the selected lines again, on their own: a second read of the chain, so that no line is held in memory
            var report = new BundleReport(selection);
            file(zip, EvidenceBundle.SELECTED, digests, stream -> transactions.inTransaction(() -> {
                proofs.chain().read(1, checkpoint.size(), link -> {
                    if (selected.contains(link.position())) {
                        try {
                            var line = LedgerLines.ndjson(link);
                            report.add(line);
                            stream.write(bytes(line + "\n"));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                    return true;
                });
                return null;
            }));
            file(zip, EvidenceBundle.CHANGE_REPORT, digests, stream -> stream.write(bytes(report.json())));
        }
        var manifest = new LinkedHashMap<String, Object>();
        manifest.put("format", EvidenceBundle.FORMAT);
        manifest.put("createdAt", LedgerTime.format(clock.now()));
        manifest.put("from", 1);
        manifest.put("to", checkpoint.size());
        manifest.put("files", digests);
        manifest.put("hashRule", EvidenceBundle.HASH_RULE);
        manifest.put("signatureRule", EvidenceBundle.SIGNATURE_RULE);
        manifest.put("keyRule", EvidenceBundle.KEY_RULE);
        if (selection != null) {
            manifest.put("selected", selected.size());
            manifest.put("selectionRule", EvidenceBundle.SELECTION_RULE);
        }
        if (purge != null) {
            manifest.put("purgedTo", purge.purgedTo());
            manifest.put("purgeRule", EvidenceBundle.PURGE_RULE);
        }
        file(zip, EvidenceBundle.MANIFEST, new LinkedHashMap<>(), stream -> stream.write(bytes(CanonicalJson.write(manifest))));
        zip.finish();
        zip.flush();
    }

    private interface Content {
        void write(OutputStream stream) throws IOException;
    }

    private static void file(ZipOutputStream zip, String name, Map<String, Object> digests, Content content)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        var digest = new DigestOutputStream(new NonClosing(zip), sha256());
        try {
            content.write(digest);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        zip.closeEntry();
        digests.put(name, HexFormat.of().formatHex(digest.getMessageDigest().digest()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lets a content writer close its stream without closing the zip. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the zip stays open for the next file
        }
    }
}
