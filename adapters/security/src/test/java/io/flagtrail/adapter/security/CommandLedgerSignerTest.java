package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.SigningKeys;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external signer as an operator wires it: a script around {@code openssl pkeyutl}, holding a key that this
 * process never reads, the way an HSM's or a KMS's client would be wrapped.
 */
class CommandLedgerSignerTest {

    @TempDir
    Path dir;

    final Environment environment = io.micronaut.context.ApplicationContext.builder().build().getEnvironment();
    Path key;
    String publicKey;

    @BeforeEach
    void a_key_only_openssl_holds() throws Exception {
        key = dir.resolve("ledger.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", key.toString());
        byte[] der = openssl("pkey", "-in", key.toString(), "-pubout", "-outform", "DER");
        publicKey = Base64.getEncoder().encodeToString(der);
    }

    @Test
    void its_checkpoints_verify_under_the_public_key_it_was_given() throws Exception {
        var signer = signer(script("signer", opensslSigner(key)), publicKey);
        var issued = Instant.parse("2026-01-01T00:00:00Z");
        var statement = Checkpoint.statement(7, "cd".repeat(32), issued, signer.keyId());
        var checkpoint = new Checkpoint(7, "cd".repeat(32), issued, signer.keyId(), signer.sign(statement));

        assertEquals(SigningKeys.keyId(Base64.getDecoder().decode(publicKey)), signer.keyId());
        assertTrue(checkpoint.signatureValid(signer.publicKeys().get(signer.keyId())));
    }

    @Test
    void a_signer_holding_another_key_stops_the_start() throws Exception {
        var other = dir.resolve("other.pem");
        openssl("genpkey", "-algorithm", "ed25519", "-out", other.toString());
        var refused = assertThrows(IllegalStateException.class,
                () -> signer(script("signer", opensslSigner(other)), publicKey));
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
    }

    @Test
    void a_failing_missing_garbled_or_hanging_signer_is_named() throws Exception {
        assertMessage("exited with 3", script("fails", "cat > /dev/null; echo 'no token' >&2; exit 3"));
        assertMessage("did not write a base64 signature", script("garbled", "cat > /dev/null; echo '%%%'"));
        assertMessage("did not answer within", script("hangs", "cat > /dev/null; exec sleep 30"));
        assertMessage("cannot run the external signer", dir.resolve("absent").toString());
    }

    @Test
    void it_refuses_a_key_given_to_flagtrail_as_well_and_a_missing_public_key() throws Exception {
        var command = script("signer", opensslSigner(key));
        var both = assertThrows(IllegalStateException.class, () -> new CommandLedgerSigner(command, publicKey,
                Duration.ofSeconds(10), null, "/run/secrets/ledger.key", environment));
        assertTrue(both.getMessage().contains("leave FLAGTRAIL_LEDGER_SIGNING_KEY"), both.getMessage());
        var unkeyed = assertThrows(IllegalStateException.class, () -> signer(command, ""));
        assertTrue(unkeyed.getMessage().contains("FLAGTRAIL_LEDGER_SIGNER_PUBLIC_KEY"), unkeyed.getMessage());
    }

    private void assertMessage(String expected, String command) {
        var refused = assertThrows(IllegalStateException.class, () -> new CommandLedgerSigner(command, publicKey,
                Duration.ofMillis(1500), null, null, environment));
        assertTrue(refused.getMessage().contains(expected), refused.getMessage());
    }

    private CommandLedgerSigner signer(String command, String publicKey) {
        return new CommandLedgerSigner(command, publicKey, Duration.ofSeconds(10), null, null, environment);
    }

    /** openssl signs Ed25519 only from a file (it needs the whole message), so the script keeps stdin in one. */
    private static String opensslSigner(Path key) {
        return "in=$(mktemp); trap 'rm -f \"$in\"' EXIT; cat > \"$in\"\n"
                + "openssl pkeyutl -sign -inkey '" + key + "' -rawin -in \"$in\" | base64 -w0\n";
    }

    private String script(String name, String body) throws IOException {
        var file = dir.resolve(name + ".sh");
        Files.writeString(file, "#!/bin/sh\nset -e\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toString();
    }

    private static byte[] openssl(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("openssl");
        command.addAll(java.util.List.of(args));
        var process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertEquals(0, process.waitFor(), "openssl " + String.join(" ", args));
        return out;
    }
}
