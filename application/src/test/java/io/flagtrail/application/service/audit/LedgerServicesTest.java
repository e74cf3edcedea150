package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryCheckpoints;
import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.InMemoryTree;
import io.flagtrail.application.fakes.InMemoryWitness;
import io.flagtrail.application.fakes.InMemoryPurgeRecords;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.ExportAuditUseCase.Format;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.VerifyLedgerUseCase.VerifyLedgerCommand;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.application.service.feature.FeatureServicesTest;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.KeyPeriod;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.VerificationFailure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class LedgerServicesTest {

    final InMemoryFeatures features = new InMemoryFeatures();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final InMemoryCheckpoints checkpoints = new InMemoryCheckpoints();
    final GeneratedKeySigner signer = new GeneratedKeySigner();
    final FixedClock clock = new FixedClock(Instant.parse("2026-03-01T10:00:00Z"));
    final SequentialIds ids = new SequentialIds();
    final InMemoryTree tree = new InMemoryTree(ledger);
    final InMemoryTransactions transactions = new InMemoryTransactions(features, ledger, tree);
    final AuditTrail trail = new AuditTrail(ledger, clock, ids);
    final io.flagtrail.application.fakes.InMemoryProjects projects = io.flagtrail.application.fakes.InMemoryProjects.seeded();
    final FeatureCommandService recorder = io.flagtrail.application.fakes.Wiring.featureCommands(features, projects, ledger, new InMemoryOutbox(), transactions, clock, ids, new RecordingLogger(), new io.flagtrail.application.fakes.CountingMetrics());
    final InMemoryPurgeRecords purges = new InMemoryPurgeRecords();
    final LedgerProofs proofs = new LedgerProofs(ledger, checkpoints, signer, purges);
    final InMemoryWitness witness = new InMemoryWitness();
    final LedgerTrust trust = new LedgerTrust(proofs, List.of(witness), trail, new RecordingLogger());
    final SealLedgerService sealer = new SealLedgerService(ledger, tree, checkpoints, signer, transactions, clock,
            new RecordingLogger(), new LedgerSettings(3, 5, Duration.ofMinutes(1)), trust);
    final VerifyLedgerService verifier = new VerifyLedgerService(proofs, trail, transactions, trust);
    final LedgerStatusService status = new LedgerStatusService(proofs, clock, trust);
    final ExportAuditService export = new ExportAuditService(ledger, trail, transactions);
    final EvidenceBundleService evidence = new EvidenceBundleService(proofs, trail, transactions, clock);

    @Test
    void sealing_gives_gapless_positions_in_batches_and_a_checkpoint_when_due() {
        changes(7);

        var first = sealer.sealPending();
        var second = sealer.sealPending();
        var third = sealer.sealPending();

        assertEquals(3, first.sealed());
        assertNotNull(first.checkpoint(), "the first round signs at once: nothing covered the ledger before");
        assertEquals(3, second.sealed());
        assertNull(second.checkpoint(), "3 new entries, 5 needed, a minute not gone");
        assertEquals(1, third.sealed());
        assertEquals(7, third.size());
        clock.advance(Duration.ofMinutes(1));
        var fourth = sealer.sealPending();
        assertEquals(0, fourth.sealed());
        assertEquals(7, fourth.checkpoint().size(), "a minute later the unsigned tail gets its checkpoint");
        assertEquals(0, status.status().unsealed());
    }

    @Test
    void a_signer_that_is_down_delays_the_checkpoint_and_never_the_sealing() {
        changes(2);
        signer.down(true);

        var round = sealer.sealPending();

        assertEquals(2, round.sealed(), "the entries are sealed into the chain all the same");
        assertNull(round.checkpoint());
        assertTrue(checkpoints.latest().isEmpty());
        signer.down(false);
        var later = sealer.sealPending();
        assertEquals(2, later.checkpoint().size(), "the next round signs over them");
        assertTrue(verifier.verify(new VerifyLedgerCommand(null, null, FeatureServicesTest.ORIGIN)).verified());
    }

    @Test
    void sealing_lag_is_the_age_of_the_oldest_unsealed_entry() {
        changes(2);
        clock.advance(Duration.ofMillis(700));

        assertEquals(1700, status.status().sealingLagMillis(), "the first of the two entries is a second older");
        sealAll();
        assertEquals(0, status.status().sealingLagMillis());
    }

    @Test
    void an_untouched_ledger_verifies_and_the_check_is_recorded() {
        changes(7);
        sealAll();

        var report = verifier.verify(new VerifyLedgerCommand(null, null, FeatureServicesTest.ORIGIN));

        assertTrue(report.verified(), report.summary());
        assertEquals(7, report.verifiedUpTo());
        assertEquals(7, report.checkpoint().size());
        var recorded = ledger.entries().getLast();
        assertEquals(AuditAction.AUDIT_VERIFIED, recorded.action());
        assertEquals(Severity.INFO, recorded.severity());
    }

    @Test
    void a_tampered_entry_fails_at_its_position_and_is_recorded_as_critical() {
        changes(7);
        sealAll();
        ledger.tamperReason(4, "nobody will notice");

        var report = verifier.verify(new VerifyLedgerCommand(null, null, FeatureServicesTest.ORIGIN));

        assertFalse(report.verified());
        assertEquals(4L, report.failedAt());
        assertEquals(VerificationFailure.HASH_MISMATCH, report.failure());
        assertEquals(Severity.CRITICAL, ledger.entries().getLast().severity());
    }

    @Test
    void ndjson_export_lines_rehash_to_their_hash_and_csv_defuses_formulas() throws IOException {
        changes(3);
        sealAll();

        var ndjson = new ByteArrayOutputStream();
        export.export(query(), Format.NDJSON, FeatureServicesTest.ORIGIN).writeTo(ndjson);
        var lines = ndjson.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(3, lines.length);
        for (var line : lines) {
            var entry = JsonReader.parseObject(line);
            var hash = entry.remove("hash");
            assertEquals(hash, LedgerHash.of((String) entry.get("prevHash"), CanonicalJson.write(entry)));
        }

        var csv = new ByteArrayOutputStream();
        export.export(query(), Format.CSV, FeatureServicesTest.ORIGIN).writeTo(csv);
        assertTrue(csv.toString(StandardCharsets.UTF_8).startsWith("position,hash,id,occurredAt"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", Csv.cell("=HYPERLINK(\"x\")"));
        assertEquals("\"a,b\"", Csv.cell("a,b"));
        assertEquals(2, ledger.entries().stream().filter(e -> e.action() == AuditAction.AUDIT_EXPORTED).count());
    }

    @Test
    void an_evidence_bundle_verifies_offline() throws IOException {
        changes(6);
        sealAll();

        var report = new VerifyBundleService().verify(new ByteArrayInputStream(bundle()));

        assertTrue(report.verified(), report.summary());
        assertEquals(6, report.verifiedUpTo());
    }

    @Test
    void a_bundle_for_one_environment_holds_its_entries_on_their_own_and_the_verifier_checks_it_holds_all()
            throws IOException {
        changes(3);
        recorder.create(new io.flagtrail.application.port.in.CreateFeatureCommand(
                io.flagtrail.domain.project.Scope.COMPATIBILITY, FeatureServicesTest.KEY,
                new io.flagtrail.domain.feature.FeatureAttributes("elsewhere", "", 1, java.util.List.of(), null), false,
                null, FeatureServicesTest.ORIGIN));
        sealAll();
        var solo = io.flagtrail.application.contract.Samples.SOLO;

        var out = new ByteArrayOutputStream();
        evidence.bundle(new io.flagtrail.domain.audit.AuditPlace(solo.project().value(), solo.environment().value()),
                FeatureServicesTest.ORIGIN).writeTo(out);
        var report = new VerifyBundleService().verify(new ByteArrayInputStream(out.toByteArray()));

        assertTrue(report.verified(), report.summary());
        assertTrue(report.summary().contains("its selection holds the 3 entries of solo/production"), report.summary());
        var files = unzip(out.toByteArray());
        var selected = new String(files.get("selected.ndjson"), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertEquals(3, selected.length, "the creation elsewhere (default/production) is not in it");

        var fewer = String.join("\n", java.util.Arrays.copyOf(selected, 2)) + "\n";
        var dropped = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "selected.ndjson",
                fewer.getBytes(java.nio.charset.StandardCharsets.UTF_8), true)));
        assertEquals(VerificationFailure.SELECTION_MISMATCH, dropped.failure(), dropped.summary());
        var elsewhere = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "selection.json",
                "{\"environment\":\"production\",\"project\":\"default\"}".getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), true)));
        assertEquals(VerificationFailure.SELECTION_MISMATCH, elsewhere.failure(), elsewhere.summary());

        var carried = new String(files.get("change-report.json"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(carried.contains("\"stateChanges\":0"), carried);
        assertTrue(report.summary().contains("the change-management report they make"), report.summary());
        var forged = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "change-report.json",
                carried.replace("\"stateChanges\":0", "\"stateChanges\":1").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8), true)));
        assertEquals(VerificationFailure.REPORT_MISMATCH, forged.failure(), forged.summary());
    }

    @Test
    void a_bundle_with_any_single_byte_of_an_entry_changed_is_rejected_even_with_a_recomputed_manifest()
            throws IOException {
        changes(3);
        sealAll();
        var files = unzip(bundle());
        byte[] entries = files.get("entries.ndjson");

        for (int i = 0; i < entries.length; i++) {
            byte[] flipped = entries.clone();
            flipped[i] ^= 0x01;
            var plain = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "entries.ndjson", flipped,
                    false)));
            var forged = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "entries.ndjson", flipped,
                    true)));
            assertFalse(plain.verified(), "byte " + i);
            assertFalse(forged.verified(), "byte " + i + " with the manifest recomputed");
        }
    }

    @Test
    void a_bundle_whose_checkpoint_signature_was_altered_is_rejected() throws IOException {
        changes(3);
        sealAll();
        var latest = checkpoints.latest().orElseThrow();
        var signature = java.util.Base64.getDecoder().decode(latest.signature());
        signature[3] ^= 0x10;
        checkpoints.replace(new Checkpoint(latest.size(), latest.headHash(), latest.issuedAt(), latest.keyId(),
                java.util.Base64.getEncoder().encodeToString(signature)));

        var report = new VerifyBundleService().verify(new ByteArrayInputStream(bundle()));

        assertEquals(VerificationFailure.BAD_SIGNATURE, report.failure());
    }

    @Test
    void a_bundle_lists_when_each_key_signed_and_a_signature_outside_its_period_is_refused() throws IOException {
        changes(12);
        sealAll();
        var signed = checkpoints.within(1, Long.MAX_VALUE);
        var files = unzip(bundle());
        var report = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "none", null, false)));
        assertTrue(report.verified(), report.summary());
        assertEquals(List.of(new KeyPeriod(signer.keyId(), signed.getFirst().issuedAt(), signed.getLast().issuedAt())),
                report.signers(), "one key, from the first checkpoint to the last");

        @SuppressWarnings("unchecked")
        var keys = (Map<String, Object>) JsonReader.parseObject(new String(files.get("public-keys.json"),
                StandardCharsets.UTF_8)).get(signer.keyId());
        var narrowed = new LinkedHashMap<>(keys);
        narrowed.put("firstSigned", LedgerTime.format(signed.getFirst().issuedAt().plusMillis(1)));
        var edited = CanonicalJson.write(Map.of(signer.keyId(), narrowed)).getBytes(StandardCharsets.UTF_8);
        var outside = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "public-keys.json", edited,
                true)));
        assertEquals(VerificationFailure.KEY_PERIOD, outside.failure(), outside.summary());
        assertEquals(signed.getFirst().size(), outside.failedAt());

        var bare = CanonicalJson.write(Map.of(signer.keyId(), keys.get("publicKey"))).getBytes(StandardCharsets.UTF_8);
        var downgraded = new VerifyBundleService().verify(new ByteArrayInputStream(zip(files, "public-keys.json", bare,
                true)));
        assertEquals(VerificationFailure.MALFORMED, downgraded.failure(), "a version 3 bundle cannot drop the periods");
    }

    private void changes(int count) {
        io.flagtrail.application.contract.Samples.addSolo(projects);
        recorder.create(new io.flagtrail.application.port.in.CreateFeatureCommand(
                io.flagtrail.application.contract.Samples.SOLO, FeatureServicesTest.KEY, new io.flagtrail.domain.feature.FeatureAttributes("=cmd|' /C calc'!A0", "", 1,
                java.util.List.of(), null), false, null, FeatureServicesTest.ORIGIN));
        var transition = recorder;
        for (int i = 1; i < count; i++) {
            clock.advance(Duration.ofSeconds(1));
            transition.transition(new TransitionFeatureCommand(io.flagtrail.application.contract.Samples.SOLO,
                    FeatureServicesTest.KEY,
                    i % 2 == 1 ? FeatureTransition.ENABLE : FeatureTransition.DISABLE, null, null, FeatureServicesTest.ORIGIN));
        }
    }

    private void sealAll() {
        while (sealer.sealPending().sealed() > 0) {
            clock.advance(Duration.ofMillis(50));
        }
        clock.advance(Duration.ofMinutes(1));
        sealer.sealPending();
    }

    private AuditQuery query() {
        return new AuditQuery("feature", null, null, null, null, null, null, null, 100, null);
    }

    private byte[] bundle() throws IOException {
        var out = new ByteArrayOutputStream();
        evidence.bundle(null, FeatureServicesTest.ORIGIN).writeTo(out);
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] bundle) throws IOException {
        var files = new LinkedHashMap<String, byte[]>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    /** The bundle again with one file changed; with {@code forgeManifest} the manifest's digest is made to match. */
    private static byte[] zip(Map<String, byte[]> files, String changed, byte[] changedTo, boolean forgeManifest)
            throws IOException {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue();
                if (file.getKey().equals(changed)) {
                    content = changedTo;
                } else if (file.getKey().equals("manifest.json") && forgeManifest) {
                    var manifest = JsonReader.parseObject(new String(content, StandardCharsets.UTF_8));
                    @SuppressWarnings("unchecked")
                    var digests = new LinkedHashMap<>((Map<String, Object>) manifest.get("files"));
                    digests.put(changed, HexFormat.of().formatHex(EvidenceBundleService.sha256().digest(changedTo)));
                    manifest.put("files", digests);
                    content = CanonicalJson.write(manifest).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
