package io.flagtrail.adapter.security;

import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.domain.ledger.Ed25519Signatures;
import io.flagtrail.domain.ledger.SigningKeys;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Signs ledger checkpoints (and a witness's cosignatures) with a program that holds the key: an HSM or KMS client,
 * a hardware token, a signing service's command line. The private key is then never in this process, its
 * configuration or its database. The program ({@code flagtrail.ledger.signer.command}, split on spaces, run without
 * a shell) gets the statement's bytes on standard input and writes the Ed25519 signature, base64, on standard
 * output, exiting 0. Every signature it returns is checked against the configured public key before it is used, so
 * a signer that answers with another key or garbage signs nothing; at start a probe (a line no checkpoint can be, as
 * checkpoints are JSON objects) proves the program and the key agree, or startup stops naming what is wrong.
 */
@Context
@Singleton
@Requires(property = CommandLedgerSigner.COMMAND)
@Replaces(Ed25519LedgerSigner.class)
final class CommandLedgerSigner implements LedgerSigner {

    static final String COMMAND = "flagtrail.ledger.signer.command";
    private static final int MAX_OUTPUT = 4096;

    private final List<String> command;
    private final PublicKey publicKey;
    private final Duration timeout;
    private final String keyId;
    private final Map<String, String> publicKeys;

    CommandLedgerSigner(@Value("${" + COMMAND + "}") String command,
                        @Nullable @Value("${flagtrail.ledger.signer.public-key:}") String publicKey,
                        @Value("${flagtrail.ledger.signer.timeout:10s}") Duration timeout,
                        @Nullable @Value("${flagtrail.ledger.signing-key:}") String configuredKey,
                        @Nullable @Value("${flagtrail.ledger.signing-key-file:}") String keyFile,
                        Environment environment) {
        if (notBlank(configuredKey) || notBlank(keyFile)) {
            throw new IllegalStateException("FLAGTRAIL_LEDGER_SIGNER_COMMAND signs with a key outside Flagtrail: "
                    + "leave FLAGTRAIL_LEDGER_SIGNING_KEY and FLAGTRAIL_LEDGER_SIGNING_KEY_FILE unset");
        }
        if (command.isBlank()) {
            throw new IllegalStateException("FLAGTRAIL_LEDGER_SIGNER_COMMAND is empty: name the signing program");
        }
        this.command = List.of(command.strip().split("\\s+"));
        if (!notBlank(publicKey)) {
            throw new IllegalStateException("FLAGTRAIL_LEDGER_SIGNER_COMMAND needs FLAGTRAIL_LEDGER_SIGNER_PUBLIC_KEY, "
                    + "the external signer's Ed25519 public key (base64 X.509), to check its signatures");
        }
        this.publicKey = parse(publicKey.strip());
        this.timeout = timeout;
        this.keyId = SigningKeys.keyId(this.publicKey.getEncoded());
        this.publicKeys = Ed25519LedgerSigner.withRetired(keyId, publicKey.strip(), environment);
        probe();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] statement) {
        byte[] signature = run(statement);
        if (!Ed25519Signatures.valid(publicKey, statement, signature)) {
            throw new LedgerSigner.CannotSign("the external signer " + command.getFirst()
                    + " answered a signature that its public key " + keyId + " does not verify");
        }
        return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public Map<String, String> publicKeys() {
        return publicKeys;
    }

    private void probe() {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        byte[] statement = ("flagtrail-signer-probe/1 " + HexFormat.of().formatHex(nonce) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        sign(statement);
    }

    /** Runs the program once: the statement in, base64 out, within the timeout. */
    private byte[] run(byte[] statement) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new LedgerSigner.CannotSign("cannot run the external signer " + command.getFirst() + ": " + e.getMessage(), e);
        }
        try {
            // read on a thread of its own (not the common pool, which a signer that never closes its output would hold)
            var output = CompletableFuture.supplyAsync(() -> readAtMost(process.getInputStream()),
                    task -> Thread.ofVirtual().name("ledger-signer-output").start(task));
            try (var in = process.getOutputStream()) {
                in.write(statement);
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LedgerSigner.CannotSign("the external signer " + command.getFirst()
                        + " did not answer within " + timeout.toMillis() + " ms");
            }
            if (process.exitValue() != 0) {
                throw new LedgerSigner.CannotSign("the external signer " + command.getFirst()
                        + " exited with " + process.exitValue());
            }
            String text = new String(output.get(timeout.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.US_ASCII);
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new LedgerSigner.CannotSign("the external signer " + command.getFirst()
                    + " did not write a base64 signature", e);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new LedgerSigner.CannotSign("the external signer " + command.getFirst() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerSigner.CannotSign("interrupted while the external signer ran", e);
        } finally {
            process.destroyForcibly();
        }
    }

    private static byte[] readAtMost(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_OUTPUT);
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return bytes;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PublicKey parse(String encoded) {
        try {
            return Ed25519Signatures.publicKey(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("FLAGTRAIL_LEDGER_SIGNER_PUBLIC_KEY is not a base64 X.509 Ed25519 public key");
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
