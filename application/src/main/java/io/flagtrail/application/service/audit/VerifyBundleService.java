package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.VerifyBundleUseCase;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.ChainVerifier;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.KeyPeriod;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.PurgeRecord;
import io.flagtrail.domain.ledger.SealedLine;
import io.flagtrail.domain.ledger.VerificationFailure;
import io.flagtrail.domain.ledger.VerificationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

/**
 * The offline verifier: checks an evidence bundle in one pass with the JDK alone (no database, no network):
 * every entry's hash and link, every checkpoint's head hash, Merkle root, link to the one before and signature (made
 * within its key's listed period), and the manifest's file digests.
 */
public final class VerifyBundleService implements VerifyBundleUseCase {

    @Override
    public VerificationReport verify(InputStream bundle, List<Checkpoint> trusted) throws IOException {
        var zip = new ZipInputStream(bundle, StandardCharsets.UTF_8);
        Checkpoint checkpoint = null;
        List<Checkpoint> checkpoints = null;
        Map<String, String> keys = null;
        var periods = new java.util.ArrayList<KeyPeriod>();
        PurgeRecord purge = null;
        VerificationReport report = null;
        var digests = new HashMap<String, String>();
        for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            var digest = new DigestInputStream(zip, EvidenceBundleService.sha256());
            try {
                switch (entry.getName()) {
                    case EvidenceBundle.CHECKPOINT -> checkpoint = Checkpoint.fromJson(JsonReader.parseObject(text(digest)));
                    case EvidenceBundle.KEYS -> keys = EvidenceBundle.keys(JsonReader.parseObject(text(digest)), periods);
                    case EvidenceBundle.PURGE -> purge = EvidenceBundle.purge(JsonReader.parseObject(text(digest)));
                    case EvidenceBundle.CHECKPOINTS -> checkpoints = Checkpoint.fromLines(text(digest));
                    case EvidenceBundle.ENTRIES -> {
                        // closing it reads the file to its end, so the digest covers all of it however far
                        // the entries were read
                        try (var ahead = new ReadAheadStream(digest)) {
                            report = entries(ahead, checkpoint, checkpoints, trusted, keys, periods, purge);
                        }
                    }
                    case EvidenceBundle.MANIFEST -> {
                        var failure = manifest(JsonReader.parseObject(text(digest)), digests, checkpoint,
                                checkpoints != null, !periods.isEmpty(), purge);
                        if (failure != null) {
                            return failure;
                        }
                    }
                    default -> {
                        return malformed("unexpected file " + entry.getName());
                    }
                }
            } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
                return malformed(entry.getName() + ": " + e.getMessage());
            }
            digests.put(entry.getName(), HexFormat.of().formatHex(digest.getMessageDigest().digest()));
        }
        if (report == null || !digests.containsKey(EvidenceBundle.MANIFEST)) {
            return malformed("the bundle lacks " + (report == null ? EvidenceBundle.ENTRIES : EvidenceBundle.MANIFEST));
        }
        return report;
    }

    private static VerificationReport entries(InputStream in, Checkpoint checkpoint, List<Checkpoint> checkpoints,
                                              List<Checkpoint> trusted, Map<String, String> keys,
                                              List<KeyPeriod> periods, PurgeRecord purge) throws IOException {
        if (checkpoint == null || keys == null) {
            throw new IllegalArgumentException("the checkpoint and keys must come before the entries");
        }
        var listed = checkpoints == null ? List.of(checkpoint) : checkpoints;
        if (checkpoints != null && !checkpoints.contains(checkpoint)) {
            throw new IllegalArgumentException("checkpoints.ndjson does not hold the bundle's checkpoint");
        }
        var verifier = new ChainVerifier(1, checkpoint.size(), LedgerHash.GENESIS, listed, keys, purge);
        verifier.declare(periods);
        verifier.trust(trusted);
        for (var held : trusted) {
            boolean omitted = checkpoints != null && held.size() <= checkpoint.size()
                    && checkpoints.stream().noneMatch(c -> c.size() == held.size());
            if (omitted) {
                return new VerificationReport(false, 1, 0, 0, null, held.size(), VerificationFailure.DIVERGED,
                        "the bundle omits the trusted checkpoint of size " + held.size()
                                + ": it was removed from the ledger, or this is another ledger", purge);
            }
        }
        verifier.checkSignaturesWith(SignaturesAhead.start(listed, keys)::valid); // only once entries will be read
        var lines = new ByteLines(in);
        var sealed = new SealedLine();
        long line = 0;
        while (lines.next()) {
            line++;
            try {
                sealed.read(lines.line(), lines.length());
            } catch (IllegalArgumentException e) {
                verifier.malformed(line, "line " + line + " is not an entry: " + e.getMessage());
                break;
            }
            if (!verifier.accept(sealed.position(), sealed.prevHash(), sealed.storedHash(), sealed.computedHash())) {
                break;
            }
        }
        return verifier.finish();
    }

    @SuppressWarnings("unchecked")
    private static VerificationReport manifest(Map<String, Object> manifest, Map<String, String> digests,
                                               Checkpoint checkpoint, boolean listsCheckpoints,
                                               boolean listsPeriods, PurgeRecord purge) {
        var format = manifest.get("format");
        boolean third = EvidenceBundle.FORMAT.equals(format);
        boolean second = third || EvidenceBundle.FORMAT_2.equals(format);
        if (!second && !EvidenceBundle.FORMAT_1.equals(format)) {
            return malformed("not a " + EvidenceBundle.FORMAT + " bundle");
        }
        if (second != listsCheckpoints) {
            return malformed("a " + format + " bundle " + (second ? "needs " : "has no ") + EvidenceBundle.CHECKPOINTS);
        }
        if (third != listsPeriods) {
            return malformed("a " + format + " bundle " + (third ? "lists " : "lists no ") + "the periods of its keys");
        }
        var files = (Map<String, Object>) manifest.get("files");
        var listed = new java.util.ArrayList<>(List.of(EvidenceBundle.CHECKPOINT, EvidenceBundle.KEYS));
        if (second) {
            listed.add(EvidenceBundle.CHECKPOINTS);
        }
        if (purge != null) {
            listed.add(EvidenceBundle.PURGE);
        }
        listed.add(EvidenceBundle.ENTRIES);
        if (!files.keySet().equals(new java.util.HashSet<>(listed))) {
            return malformed("the manifest lists " + files.keySet() + " but the bundle holds " + listed);
        }
        for (var name : listed) {
            if (!String.valueOf(files.get(name)).equals(digests.get(name))) {
                return malformed("the manifest's digest of " + name + " does not match the file");
            }
        }
        if (checkpoint == null || ((Number) manifest.get("to")).longValue() != checkpoint.size()) {
            return malformed("the manifest's range does not match the checkpoint");
        }
        return null;
    }

    private static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static VerificationReport malformed(String detail) {
        return new VerificationReport(false, 1, 0, 0, null, 0L, VerificationFailure.MALFORMED, detail, null);
    }
}
