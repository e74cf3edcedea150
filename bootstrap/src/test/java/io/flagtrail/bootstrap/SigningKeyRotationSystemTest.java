package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.VerifyLedgerUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.audit.VerifyBundleService;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.ledger.KeyPeriod;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signing key outside the database, and its rotation, on PostgreSQL: with the key from a file no key is ever
 * written to the database (so no database role can read one); after a restart with a new key and the old public
 * key listed as retired, the whole ledger still verifies, checkpoints of both keys included, and the witness that
 * holds the old key's checkpoint agrees. Without the old key listed, it is the key replacement issue 17 describes.
 */
class SigningKeyRotationSystemTest {

    static final Origin CHECK = new Origin(Actor.system("test"), RequestContext.system());

    @Test
    void a_key_from_a_file_never_reaches_the_database_and_a_rotated_key_keeps_old_checkpoints_verifiable()
            throws Exception {
        var database = TestDatabase.postgres();
        var dir = Files.createTempDirectory("flagtrail-keys-");
        var first = keyFile(dir, "first.key");
        var second = keyFile(dir, "second.key");

        String firstKeyId;
        String firstPublicKey;
        try (var server = start(database, first, Map.of())) {
            var context = server.getApplicationContext();
            awaitCheckpoint(context);
            context.getBean(WitnessLedgerUseCase.class).synchronize();
            var signer = context.getBean(LedgerSigner.class);
            firstKeyId = signer.keyId();
            firstPublicKey = signer.publicKeys().get(firstKeyId);
        }
        assertFalse(storedSecrets(database).contains("ledger-signing-key"), "no signing key in server_secrets");

        try (var server = start(database, second, Map.of("flagtrail.ledger.retired-public-keys." + firstKeyId,
                firstPublicKey))) {
            var context = server.getApplicationContext();
            long before = context.getBean(LedgerStatusUseCase.class).status().latestCheckpoint().size();
            // one more entry, for the new key to sign a checkpoint over
            context.getBean(AuditTrail.class).read(AuditAction.AUDIT_QUERIED, CHECK, Map.of("test", "rotation"));
            var newest = Poll.until(Duration.ofSeconds(10), "a checkpoint under the new key",
                    () -> context.getBean(LedgerStatusUseCase.class).status().latestCheckpoint(),
                    c -> !c.keyId().equals(firstKeyId));
            var report = context.getBean(VerifyLedgerUseCase.class)
                    .verify(new VerifyLedgerUseCase.VerifyLedgerCommand(null, null, CHECK));

            assertTrue(newest.size() > before);
            assertTrue(report.verified(), report.summary());
            assertEquals(newest.keyId(), context.getBean(LedgerSigner.class).keyId());
            assertTrue(context.getBean(LedgerStatusUseCase.class).status().divergence() == null,
                    "the witness's checkpoint under the retired key still verifies");
            assertEquals(List.of(firstKeyId, newest.keyId()), report.signers().stream().map(KeyPeriod::keyId).toList(),
                    "the report shows the key that took over: " + report.summary());
            var bundle = new java.io.ByteArrayOutputStream();
            context.getBean(EvidenceBundleUseCase.class).bundle(null, CHECK).writeTo(bundle);
            var offline = new VerifyBundleService().verify(new java.io.ByteArrayInputStream(bundle.toByteArray()));
            assertTrue(offline.verified(), offline.summary());
            assertTrue(offline.summary().contains("signed over time by 2 keys: " + firstKeyId), offline.summary());
            var periods = offline.signers();
            assertTrue(!periods.get(0).lastSigned().isAfter(periods.get(1).firstSigned()),
                    "the retired key stopped signing before the new one began: " + periods);
        }
        assertFalse(storedSecrets(database).contains("ledger-signing-key"));
    }

    @Test
    void a_key_held_by_an_external_signer_signs_checkpoints_and_a_signer_that_is_down_delays_them_only()
            throws Exception {
        var database = TestDatabase.postgres();
        var dir = Files.createTempDirectory("flagtrail-signer-");
        var pem = dir.resolve("ledger.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", pem.toString());
        String publicKey = Base64.getEncoder().encodeToString(openssl("pkey", "-in", pem.toString(), "-pubout",
                "-outform", "DER"));
        var down = dir.resolve("down");
        var script = Files.writeString(dir.resolve("sign.sh"), "#!/bin/sh\nset -e\n"
                + "[ -e '" + down + "' ] && { echo 'the HSM is offline' >&2; exit 1; }\n"
                + "in=$(mktemp); trap 'rm -f \"$in\"' EXIT; cat > \"$in\"\n"
                + "openssl pkeyutl -sign -inkey '" + pem + "' -rawin -in \"$in\" | base64 -w0\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        var props = new HashMap<String, Object>(StandaloneProperties.on(database));
        props.put("flagtrail.ledger.signer.command", script.toString());
        props.put("flagtrail.ledger.signer.public-key", publicKey);
        props.put("flagtrail.ledger.checkpoint-every-entries", "1");

        try (var server = ApplicationContext.run(EmbeddedServer.class, props)) {
            var context = server.getApplicationContext();
            var status = context.getBean(LedgerStatusUseCase.class);
            // settled first: everything sealed and signed, so no round is signing while the signer goes down
            long signed = Poll.until(Duration.ofSeconds(10), "the start's entries sealed and signed", status::status,
                    s -> s.unsealed() == 0 && s.latestCheckpoint() != null && s.latestCheckpoint().size() == s.size())
                    .size();
            Files.createFile(down);
            context.getBean(AuditTrail.class).read(AuditAction.AUDIT_QUERIED, CHECK, Map.of("test", "signer down"));
            Poll.until(Duration.ofSeconds(10), "the entry sealed while the signer is down", status::status,
                    s -> s.size() > signed);
            // with a checkpoint due at every entry, the round that sealed it is the one that tried to sign
            assertEquals(signed, status.status().latestCheckpoint().size(), "nothing signed while it is down");

            Files.delete(down);
            var newest = Poll.until(Duration.ofSeconds(10), "a checkpoint once the signer is back",
                    () -> status.status().latestCheckpoint(), c -> c.size() > signed);
            var report = context.getBean(VerifyLedgerUseCase.class)
                    .verify(new VerifyLedgerUseCase.VerifyLedgerCommand(null, null, CHECK));
            assertTrue(report.verified(), report.summary());
            assertEquals(io.flagtrail.domain.ledger.SigningKeys.keyId(Base64.getDecoder().decode(publicKey)),
                    newest.keyId(), "the external signer's key signed it");
        }
        assertFalse(storedSecrets(database).contains("ledger-signing-key"), "no signing key in server_secrets");
    }

    private static byte[] openssl(String... args) throws Exception {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), "openssl " + String.join(" ", args));
        return out;
    }

    private static EmbeddedServer start(TestDatabase.Target database, Path key, Map<String, String> extra) {
        var props = new HashMap<String, Object>(StandaloneProperties.on(database));
        props.put("flagtrail.ledger.signing-key-file", key.toString());
        props.put("flagtrail.ledger.checkpoint-every-entries", "1");
        props.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    private static void awaitCheckpoint(ApplicationContext context) {
        Poll.until(Duration.ofSeconds(10), "a signed checkpoint",
                () -> context.getBean(LedgerStatusUseCase.class).status(), s -> s.latestCheckpoint() != null);
    }

    /** An Ed25519 private key, PKCS#8, base64, as `openssl genpkey -algorithm ed25519 -outform DER | base64` writes. */
    private static Path keyFile(Path dir, String name) throws Exception {
        var key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        return Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(key.getEncoded()));
    }

    private static String storedSecrets(TestDatabase.Target database) throws Exception {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             var rows = connection.createStatement().executeQuery("SELECT name FROM server_secrets")) {
            var names = new StringBuilder();
            while (rows.next()) {
                names.append(rows.getString(1)).append(' ');
            }
            return names.toString();
        }
    }
}
