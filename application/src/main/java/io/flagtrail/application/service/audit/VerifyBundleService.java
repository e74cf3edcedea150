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
import java.util.LinkedHashMap;
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
        Selection selection = null;
        var selected = new LinkedHashMap<Long, String>();
        String selectionFailure = null;
        BundleReport computedReport = null;
        String carriedReport = null;
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
                    case EvidenceBundle.SELECTION -> selection = Selection.fromJson(JsonReader.parseObject(text(digest)));
                    case EvidenceBundle.SELECTED -> {
                        if (selection == null || report == null) {
                            return malformed(EvidenceBundle.SELECTED + " comes after " + EvidenceBundle.SELECTION
                                    + " and " + EvidenceBundle.ENTRIES);
                        }
                        computedReport = new BundleReport(selection);
                        selectionFailure = selected(digest, selected, computedReport);
                    }
                    case EvidenceBundle.CHANGE_REPORT -> carriedReport = text(digest);
                    case EvidenceBundle.ENTRIES -> {
                        // closing it reads the file to its end, so the digest covers all of it however far
                        // the entries were read
                        try (var ahead = new ReadAheadStream(digest)) {
                            report = entries(ahead, checkpoint, checkpoints, trusted, keys, periods, purge, selection,
                                    selected);
                        }
                    }
                    case EvidenceBundle.MANIFEST -> {
                        var failure = manifest(JsonReader.parseObject(text(digest)), digests, checkpoint,
                                checkpoints != null, !periods.isEmpty(), purge, selection, selected.size(),
                                carriedReport != null);
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
        if (selection == null || !report.verified()) {
            return report;
        }
        if (selectionFailure != null) {
            return new VerificationReport(false, 1, report.verifiedUpTo(), report.entriesChecked(),
                    report.checkpoint(), null, VerificationFailure.SELECTION_MISMATCH, selectionFailure, purge);
        }
        if (carriedReport != null && computedReport == null) {
            return malformed(EvidenceBundle.CHANGE_REPORT + " comes with " + EvidenceBundle.SELECTED);
        }
        if (carriedReport != null && !carriedReport.equals(computedReport.json())) {
            return new VerificationReport(false, 1, report.verifiedUpTo(), report.entriesChecked(),
                    report.checkpoint(), null, VerificationFailure.REPORT_MISMATCH, EvidenceBundle.CHANGE_REPORT
                    + " is not the change-management report of the selected entries", purge);
        }
        return report.withSelection("the " + selected.size() + " entries of " + selection
                + (carriedReport == null ? "" : " and the change-management report they make"));
    }

    /**
     * Checks {@code selected.ndjson} against the entries of the selection's place as the verifier found them in
     * {@code entries.ndjson} (position to hash, in order): the same lines, every one, no other. Answers why not, or
     * null.
     */
    private static String selected(InputStream in, Map<Long, String> expected, BundleReport report)
            throws IOException {
        var lines = new ByteLines(in);
        var sealed = new SealedLine();
        var next = expected.entrySet().iterator();
        long line = 0;
        while (lines.next()) {
            line++;
            try {
                sealed.read(lines.line(), lines.length());
                report.add(new String(lines.line(), 0, lines.length(), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return "line " + line + " of " + EvidenceBundle.SELECTED + " is not an entry: " + e.getMessage();
            }
            if (!next.hasNext()) {
                return "position " + sealed.position() + " is selected but is not an entry of the selection's place";
            }
            var wanted = next.next();
            if (sealed.position() != wanted.getKey()) {
                return sealed.position() < wanted.getKey()
                        ? "position " + sealed.position() + " is selected but is not an entry of the selection's place"
                        : "the selection leaves out position " + wanted.getKey() + ", an entry of its place";
            }
            if (!sealed.computedHash().equals(wanted.getValue())) {
                return "the selected line at position " + sealed.position() + " is not the chain's entry there";
            }
        }
        return next.hasNext() ? "the selection leaves out position " + next.next().getKey() + ", an entry of its place"
                : null;
    }

    private static VerificationReport entries(InputStream in, Checkpoint checkpoint, List<Checkpoint> checkpoints,
                                              List<Checkpoint> trusted, Map<String, String> keys,
                                              List<KeyPeriod> periods, PurgeRecord purge, Selection selection,
                                              Map<Long, String> selected) throws IOException {
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
            if (selection != null
                    && selection.holds(new String(lines.line(), 0, lines.length(), StandardCharsets.UTF_8))) {
                selected.put(sealed.position(), sealed.computedHash());
            }
        }
        return verifier.finish();
    }

    @SuppressWarnings("unchecked")
    private static VerificationReport manifest(Map<String, Object> manifest, Map<String, String> digests,
                                               Checkpoint checkpoint, boolean listsCheckpoints,
                                               boolean listsPeriods, PurgeRecord purge, Selection selection,
                                               int selectedCount, boolean carriesReport) {
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
        if (selection != null) {
            listed.add(EvidenceBundle.SELECTION);
            listed.add(EvidenceBundle.SELECTED);
            if (carriesReport) {
                // optional: bundles made before change requests carry none; the entries decide what it must say
                listed.add(EvidenceBundle.CHANGE_REPORT);
            }
            if (!(manifest.get("selected") instanceof Number count) || count.longValue() != selectedCount) {
                return new VerificationReport(false, 1, 0, 0, null, 0L, VerificationFailure.SELECTION_MISMATCH,
                        "the manifest counts " + manifest.get("selected") + " selected entries; the entries hold "
                                + selectedCount + " of " + selection, purge);
            }
        }
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
