package io.flagtrail.bootstrap;

import static io.flagtrail.bootstrap.SystemClient.assertProblem;
import static io.flagtrail.bootstrap.SystemClient.map;
import static io.flagtrail.bootstrap.SystemClient.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.MerkleTree;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.testsupport.Poll;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tamper-evident ledger through the running service: sealing, verification, exports, evidence, as-of. */
@SystemTest
class LedgerSystemTest {

    private final SystemClient system;
    private final Api api;
    private final String admin;
    private final LedgerStatusUseCase ledger;

    LedgerSystemTest(SystemClient system) {
        this.system = system;
        this.api = system.api();
        this.admin = system.admin();
        this.ledger = system.bean(LedgerStatusUseCase.class);
    }


    @Test
    void the_ledger_seals_within_a_second_and_verifies_under_a_signed_checkpoint() throws InterruptedException {
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"N\"}");
        system.awaitSealed();

        var status = api.send("GET", "/api/v1/audit/status", admin, null);
        var report = api.send("POST", "/api/v1/audit/verify", admin, "{}");

        assertEquals(0, ((Number) status.json().get("unsealed")).intValue());
        assertTrue((Boolean) report.json().get("verified"), report.raw().body());
        assertNotNull(report.json().get("checkpoint"));
        assertTrue(((String) report.json().get("summary")).startsWith("verified up to position"));
        var latest = api.send("GET", "/api/v1/audit/checkpoints/latest", admin, null);
        assertEquals(200, latest.status());
        var keys = api.send("GET", "/api/v1/audit/keys", null, null);
        assertEquals(200, keys.status(), "public keys are public");
        assertTrue(keys.raw().body().contains((String) latest.json().get("keyId")));
    }

    @Test
    void an_evidence_bundle_downloaded_over_http_verifies_offline() throws Exception {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"E\"}");
        system.awaitSealed();
        var file = Files.createTempFile("evidence", ".zip");
        Files.write(file, api.download("/api/v1/audit/evidence", admin));

        var verified = offline("verify-bundle", file.toString());

        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.out().startsWith("verified up to position"));
        assertEquals(2, offline("verify-bundle").exit());

        var json = offline("--format", "json", "verify-bundle", file.toString());
        assertEquals(0, json.exit());
        assertTrue(json.out().startsWith("{\"entriesChecked\":"), json.out());
    }

    @Test
    void a_bundle_for_one_environment_verifies_offline_and_says_its_selection_holds_all_of_that_environment()
            throws Exception {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"P\"}");
        system.awaitSealed();
        var file = Files.createTempFile("evidence-production", ".zip");
        Files.write(file, api.download("/api/v1/audit/evidence?project=default&environment=production", admin));

        var verified = offline("verify-bundle", file.toString());

        assertEquals(0, verified.exit(), verified.err());
        assertTrue(verified.out().contains("its selection holds the ") && verified.out().contains(
                " entries of default/production and the change-management report they make, every one and no other"),
                verified.out());
        assertEquals(400, api.send("GET", "/api/v1/audit/evidence?environment=production", admin, null).status());
    }

    @Test
    void a_corrupt_truncated_or_foreign_bundle_gets_one_line_naming_what_is_wrong_and_exit_1() throws Exception {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"C\"}");
        system.awaitSealed();
        byte[] bundle = api.download("/api/v1/audit/evidence", admin);
        var notAZip = Files.writeString(Files.createTempFile("not-a-bundle", ".zip"), "hello");
        var truncated = Files.write(Files.createTempFile("truncated", ".zip"),
                java.util.Arrays.copyOf(bundle, bundle.length / 2));
        var corrupt = bundle.clone();
        for (int i = bundle.length / 3; i < bundle.length / 3 + 64; i++) {
            corrupt[i] ^= 0x5a;
        }
        var damaged = Files.write(Files.createTempFile("damaged", ".zip"), corrupt);
        var foreign = Files.createTempFile("foreign", ".zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(foreign))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("holiday.jpg"));
            zip.write(new byte[]{1, 2, 3});
        }

        for (var file : List.of(notAZip, truncated, damaged, foreign)) {
            var refused = offline("verify-bundle", file.toString());
            assertEquals(1, refused.exit(), file + ": " + refused.err());
            assertEquals(1, refused.err().lines().count(), "one line, never a stack trace: " + refused.err());
            assertTrue(refused.err().contains(file.toString()) || refused.err().startsWith("verification failed"),
                    refused.err());
        }
        assertTrue(offline("verify-bundle", notAZip.toString()).err().contains("not a zip file"));
        assertTrue(offline("verify-bundle", foreign.toString()).err().contains("unexpected file holiday.jpg"));
        assertEquals(2, offline("verify-bundle", notAZip + ".gone").exit(), "a file that is not there is a usage error");
    }

    @Test
    void a_reviewer_proves_this_bundle_extends_the_one_kept_earlier_and_the_witness_with_no_server() throws Exception {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"Q3\"}");
        system.awaitSealed();
        var earlier = Files.createTempFile("evidence-q3", ".zip");
        Files.write(earlier, api.download("/api/v1/audit/evidence", admin));
        // as the API gives it out; kept before the later bundle is cut, so that bundle covers it
        var kept = Files.createTempFile("checkpoint", ".json");
        Files.writeString(kept, api.send("GET", "/api/v1/audit/checkpoints/latest", admin, null).raw().body());
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"Q4\"}");
        system.awaitSealed();
        system.bean(WitnessLedgerUseCase.class).synchronize();
        // the witness as the reviewer copied it, before the bundle was cut: the live directory moves on (the
        // export's own entry is sealed, signed and witnessed a moment later) past what that bundle covers
        var witness = copy(system.database().witnessDirectory());
        var later = Files.createTempFile("evidence-q4", ".zip");
        Files.write(later, api.download("/api/v1/audit/evidence", admin));

        var extension = offline("verify-bundle", later.toString(), "--trusted", earlier.toString(), "--trusted",
                witness.toString());
        assertEquals(0, extension.exit(), extension.err());
        assertEquals(0, offline("verify-bundle", later.toString(), "--trusted", kept.toString()).exit(),
                "a checkpoint saved from the API is a trusted checkpoint too");

        var older = offline("verify-bundle", earlier.toString(), "--trusted", later.toString());
        assertEquals(1, older.exit(), "an older bundle does not extend a newer one");
        assertTrue(older.err().contains("DIVERGED"), older.err());
        var garbage = Files.createTempFile("not-a-checkpoint", ".json");
        Files.writeString(garbage, "{\"size\": 3}");
        var refused = offline("verify-bundle", later.toString(), "--trusted", garbage.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("--trusted " + garbage) && refused.err().lines().count() == 1, refused.err());
    }

    private static java.nio.file.Path copy(java.nio.file.Path directory) throws java.io.IOException {
        var copy = Files.createTempDirectory("witness-copy");
        try (var files = Files.list(directory)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    private record OfflineRun(int exit, String out, String err) {
    }

    private static OfflineRun offline(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Offline.verify(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new OfflineRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void ndjson_export_lines_each_rehash_to_their_hash_and_csv_is_a_table() {
        String key = uniqueKey();
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"X\"}");
        api.send("POST", "/api/v1/features/" + key + "/enable", admin, null);
        system.awaitSealed();

        var ndjson = new String(api.download("/api/v1/audit/export?subjectKey=" + key, admin), StandardCharsets.UTF_8)
                .split("\n");
        var csv = new String(api.download("/api/v1/audit/export?format=csv&subjectKey=" + key, admin),
                StandardCharsets.UTF_8).split("\r\n");

        assertEquals(3, ndjson.length, "created in development and production, enabled in production");
        for (var line : ndjson) {
            var entry = JsonReader.parseObject(line);
            var hash = entry.remove("hash");
            assertEquals(hash, LedgerHash.of((String) entry.get("prevHash"), CanonicalJson.write(entry)));
        }
        assertEquals(4, csv.length);
        assertTrue(csv[0].startsWith("position,hash,id,occurredAt"));
        assertProblem(api.send("GET", "/api/v1/audit/export?format=xml", admin, null), 400, "validation.failed");

        var byAccept = api.send("GET", "/api/v1/audit/export?subjectKey=" + key, admin, null, "Accept", "text/csv");
        assertEquals(200, byAccept.status());
        assertTrue(byAccept.header("Content-Type").startsWith("text/csv"), byAccept.header("Content-Type"));
        assertTrue(byAccept.raw().body().startsWith("position,hash,id,occurredAt"));
        var ndjsonByAccept = api.send("GET", "/api/v1/audit/export?subjectKey=" + key, admin, null,
                "Accept", "application/x-ndjson");
        assertEquals(200, ndjsonByAccept.status());
        assertTrue(ndjsonByAccept.header("Content-Type").startsWith("application/x-ndjson"));
        assertEquals(200, api.send("GET", "/api/v1/audit/evidence", admin, null, "Accept", "application/zip").status());
    }

    @Test
    void reads_of_the_trail_are_recorded_as_access_entries() {
        String auditor = system.userWith(Role.AUDITOR);
        api.send("GET", "/api/v1/audit?action=FEATURE_CREATED&limit=1", auditor, null);

        var access = api.send("GET", "/api/v1/audit?category=ACCESS&action=AUDIT_QUERIED&limit=5", admin, null).items();

        assertTrue(access.stream().anyMatch(e -> "AUDITOR".equals(map(e, "actor").get("displayName"))
                && "FEATURE_CREATED".equals(map(e, "after").get("action"))), access.toString());
    }

    @Test
    void a_feature_as_of_an_instant_is_rebuilt_from_the_ledger() {
        String key = uniqueKey();
        var created = api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + key + "\",\"name\":\"Before\"}");
        // The instant of creation itself: at or after the first entry, before the change that follows the reply.
        var between = created.json().get("createdAt");
        api.send("PATCH", "/api/v1/features/" + key, admin, "{\"name\":\"After\",\"rolloutPercentage\":5}");

        var then = api.send("GET", "/api/v1/features/" + key + "?asOf=" + between, admin, null);
        var now = api.send("GET", "/api/v1/features/" + key + "?asOf=" + Instant.now().plusSeconds(1), admin, null);
        var live = api.send("GET", "/api/v1/features/" + key, admin, null);

        assertEquals("Before", then.json().get("name"));
        assertEquals(1, ((Number) then.json().get("version")).intValue());
        assertEquals(live.json(), now.json());
        assertProblem(api.send("GET", "/api/v1/features/" + key + "?asOf=1999-01-01T00:00:00Z", admin, null),
                404, "feature.not_found_at");
        assertProblem(api.send("GET", "/api/v1/features/" + key + "?asOf=yesterday", admin, null), 400, "validation.failed");
    }

    @Test
    void sealing_lag_is_a_metric_for_admins() {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"M\"}");
        system.awaitSealed();
        var lag = api.send("GET", "/metrics/flagtrail.ledger.sealing.lag", admin, null);
        assertEquals(200, lag.status(), lag.raw().body());
        assertTrue(lag.raw().body().contains("\"baseUnit\":\"seconds\""), lag.raw().body());
        assertEquals(403, api.send("GET", "/metrics", system.userWith(Role.VIEWER), null).status());
    }

    @Test
    void health_says_up_to_anyone_and_shows_the_ledger_and_database_only_to_admins() {
        var anonymous = api.send("GET", "/health", null, null);
        var readiness = api.send("GET", "/health/readiness", null, null);
        var viewer = api.send("GET", "/health", system.userWith(Role.VIEWER), null);
        var detailed = api.send("GET", "/health", admin, null);

        assertEquals(200, anonymous.status());
        assertEquals("UP", anonymous.json().get("status"));
        assertEquals(null, anonymous.json().get("details"), anonymous.raw().body());
        assertEquals(200, readiness.status());
        assertEquals(null, viewer.json().get("details"), "details are for ADMIN only");
        var details = map(detailed.json(), "details");
        assertTrue(details.containsKey("ledger") && details.containsKey("jdbc") && details.containsKey("diskSpace"),
                details.keySet().toString());
    }

    @Test
    void inclusion_and_consistency_proofs_verify_against_the_roots_the_checkpoints_sign() {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"Proved\"}");
        system.awaitSealed();
        String auditor = system.userWith(Role.AUDITOR);

        var inclusion = api.send("GET", "/api/v1/audit/proofs/inclusion?position=1", auditor, null);
        assertEquals(200, inclusion.status(), inclusion.raw().body());
        var proof = inclusion.json();
        long size = ((Number) proof.get("size")).longValue();
        var checkpoint = map(proof, "checkpoint");
        assertEquals(proof.get("rootHash"), checkpoint.get("rootHash"), "the proof is against the signed root");
        assertTrue(MerkleTree.verifyInclusion(hex((String) proof.get("leafHash")), 0, size,
                hexes(proof.get("path")), hex((String) checkpoint.get("rootHash"))), proof.toString());
        assertEquals(proof.get("leafHash"), HexFormat.of().formatHex(MerkleTree.leafHash(hex((String) proof.get("entryHash")))));

        var consistency = api.send("GET", "/api/v1/audit/proofs/consistency?from=1", auditor, null).json();
        assertTrue(MerkleTree.verifyConsistency(1, ((Number) consistency.get("to")).longValue(),
                hex((String) consistency.get("fromRoot")), hex((String) consistency.get("toRoot")),
                hexes(consistency.get("proof"))), consistency.toString());

        assertProblem(api.send("GET", "/api/v1/audit/proofs/inclusion", auditor, null), 400, "validation.failed");
        assertProblem(api.send("GET", "/api/v1/audit/proofs/inclusion?position=1&size=999999999", auditor, null), 400,
                "validation.failed");
        assertEquals(403, api.send("GET", "/api/v1/audit/proofs/inclusion?position=1",
                system.userWith(Role.VIEWER), null).status());
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text);
    }

    private static List<byte[]> hexes(Object list) {
        return ((List<?>) list).stream().map(h -> hex((String) h)).toList();
    }

    @Test
    void every_signed_checkpoint_reaches_the_file_witness_and_health_shows_it_caught_up() throws Exception {
        api.send("POST", "/api/v1/features", admin, "{\"key\":\"" + uniqueKey() + "\",\"name\":\"Witnessed\"}");
        system.awaitSealed();
        var witnessing = system.bean(WitnessLedgerUseCase.class);

        // Other requests may sign more meanwhile: a round hands over the newest, so ask until one is caught up.
        var round = Poll.until(Duration.ofSeconds(10), "the witness to hold the newest checkpoint",
                () -> witnessing.synchronize().getFirst(), w -> w.behind() == 0);
        var status = api.send("GET", "/api/v1/audit/status", admin, null).json();
        var ledger = map(map(map(api.send("GET", "/health", admin, null).json(), "details"), "ledger"), "details");

        assertTrue(round.reachable() && round.error() == null, round.toString());
        assertTrue(round.witnessedSize() >= 1, round.toString());
        assertEquals("OK", status.get("integrity"));
        assertEquals("OK", ledger.get("integrity"));
        @SuppressWarnings("unchecked")
        var witnesses = (List<Map<String, Object>>) ledger.get("witnesses");
        assertTrue(String.valueOf(witnesses.getFirst().get("name")).startsWith("file:"), witnesses.toString());
        var lines = new java.util.ArrayList<String>();
        try (var files = java.nio.file.Files.list(system.database().witnessDirectory())) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).toList()) {
                lines.addAll(java.nio.file.Files.readAllLines(file));
            }
        }
        // canonical JSON sorts the members: size comes last
        assertTrue(lines.getLast().endsWith("\"size\":" + round.witnessedSize() + "}"), lines.toString());
    }

    @Test
    void admins_place_and_release_legal_holds_auditors_read_them_and_the_ledger_records_both() {
        String auditor = system.userWith(Role.AUDITOR);
        String key = uniqueKey();
        var placed = api.send("POST", "/api/v1/audit/holds", admin,
                "{\"subjectType\":\"feature\",\"subjectId\":\"" + key + "\",\"reason\":\"case 2026-17\"}");
        assertEquals(201, placed.status(), placed.raw().body());
        String id = (String) placed.json().get("id");

        assertEquals(403, api.send("POST", "/api/v1/audit/holds", auditor,
                "{\"subjectType\":\"feature\",\"subjectId\":\"x\",\"reason\":\"r\"}").status());
        assertProblem(api.send("POST", "/api/v1/audit/holds", admin, "{\"subjectType\":\"Feature!\",\"reason\":\"\"}"),
                400, "validation.failed");
        var active = api.send("GET", "/api/v1/audit/holds?active=true", auditor, null);
        assertTrue(active.items().stream().anyMatch(h -> id.equals(h.get("id"))), active.raw().body());

        var released = api.send("POST", "/api/v1/audit/holds/" + id + "/release", admin, "{\"reason\":\"case closed\"}");
        assertEquals(200, released.status(), released.raw().body());
        assertEquals(false, released.json().get("active"));
        assertProblem(api.send("POST", "/api/v1/audit/holds/" + id + "/release", admin, null), 409,
                "legal_hold.released");

        var recorded = api.send("GET", "/api/v1/audit?subjectType=legal-hold&subjectId=" + id, auditor, null);
        assertEquals(List.of("LEGAL_HOLD_RELEASED", "LEGAL_HOLD_PLACED"),
                recorded.items().stream().map(e -> e.get("action")).toList());
        assertEquals(200, api.send("GET", "/api/v1/audit/purges", auditor, null).status());
        assertEquals(0, ((Number) api.send("GET", "/api/v1/audit/status", auditor, null).json().get("purgedTo")).intValue(),
                "retention is off by default: nothing is ever purged");
    }

    @Test
    void only_auditors_and_admins_reach_the_ledger() {
        String editor = system.userWith(Role.EDITOR);
        for (var path : List.of("/api/v1/audit/status", "/api/v1/audit/export", "/api/v1/audit/evidence",
                "/api/v1/audit/checkpoints")) {
            assertProblem(api.send("GET", path, editor, null), 403, "auth.forbidden");
        }
        assertProblem(api.send("POST", "/api/v1/audit/verify", editor, "{}"), 403, "auth.forbidden");
    }

}
