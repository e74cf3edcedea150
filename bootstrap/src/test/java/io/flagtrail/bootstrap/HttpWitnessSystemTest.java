package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.port.in.CosignCheckpointUseCase;
import io.flagtrail.application.port.in.EvidenceBundleUseCase;
import io.flagtrail.application.port.in.LedgerProofUseCase;
import io.flagtrail.application.port.in.LedgerStatusUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.application.port.out.LedgerSigner;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two Flagtrail instances, one the witness of the other, over real HTTP on PostgreSQL: the log's checkpoints reach
 * the witness with consistency proofs and come back cosigned; the witness refuses what does not extend what it holds;
 * and a log whose database was replaced (an old backup, a rewrite) is caught against the witness at start.
 */
class HttpWitnessSystemTest {

    static final Origin CHECK = new Origin(Actor.system("test"), RequestContext.system());
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void checkpoints_reach_the_witness_proven_and_cosigned_and_a_replaced_database_is_caught_against_it()
            throws Exception {
        var logKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        var keyFile = Files.writeString(Files.createTempFile("flagtrail-log-", ".key"),
                Base64.getEncoder().encodeToString(logKey.getPrivate().getEncoded()));
        // as the log's operator copies it from /api/v1/audit/keys
        String logPublicKey = Base64.getEncoder().encodeToString(logKey.getPublic().getEncoded());
        try (var witness = start(TestDatabase.postgres(), Map.of("flagtrail.witness.logs.prod", logPublicKey))) {
            var witnessContext = witness.getApplicationContext();
            var witnessSigner = witnessContext.getBean(LedgerSigner.class);
            String witnessKey = witnessSigner.publicKeys().get(witnessSigner.keyId());
            var logProperties = Map.of("flagtrail.ledger.signing-key-file", keyFile.toString(),
                    "flagtrail.ledger.witness.http.enabled", "true",
                    "flagtrail.ledger.witness.http.url", witness.getURL().toString(),
                    "flagtrail.ledger.witness.http.origin", "prod",
                    "flagtrail.ledger.witness.http.public-key", witnessKey);

            long witnessed;
            try (var log = start(TestDatabase.postgres(), logProperties)) {
                var context = log.getApplicationContext();
                long first = publishOneMore(context);
                long second = publishOneMore(context);
                var held = witnessContext.getBean(CosignCheckpointUseCase.class).latest("prod");

                assertTrue(second > first);
                assertEquals(second, held.checkpoint().size(), "the witness took the extension, proven from " + first);
                assertTrue(held.cosignature().valid(witnessKey, held.checkpoint()), "cosigned by the witness's key");
                var status = context.getBean(WitnessLedgerUseCase.class).statuses().stream()
                        .filter(s -> s.name().startsWith("http:")).findFirst().orElseThrow();
                assertEquals(second, status.witnessedSize(), String.valueOf(status));

                refusesWhatDoesNotExtendIt(witness.getURL().toString(), context, held.checkpoint());
                reviewerTrustsTheWitnessesAnswer(witness.getURL().toString(), context);
                witnessed = held.checkpoint().size();
            }

            // the same key on another database: a restored old backup, or a history written anew
            try (var replaced = start(TestDatabase.postgres(), logProperties)) {
                var context = replaced.getApplicationContext();
                var divergence = Poll.until(Duration.ofSeconds(20), "the divergence from the witness",
                        () -> {
                            context.getBean(WitnessLedgerUseCase.class).synchronize();
                            return context.getBean(LedgerStatusUseCase.class).status().divergence();
                        }, d -> d != null);
                assertEquals(witnessed, divergence.trustedSize(), divergence.detail());
                assertEquals(witnessed, witnessContext.getBean(CosignCheckpointUseCase.class).latest("prod")
                        .checkpoint().size(), "the witness took nothing from the replaced database");
            }
        }
    }

    /** Over HTTP as any client would call it: a stale size is 409, a proof of another history 400, a foreign key 403. */
    private static void refusesWhatDoesNotExtendIt(String witnessUrl, ApplicationContext log, Checkpoint held)
            throws Exception {
        String url = witnessUrl + "/api/v1/witness/prod/checkpoints";
        var latest = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/latest")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, latest.statusCode(), latest.body());
        var checkpoint = JsonReader.parseObject(held.json());

        var stale = post(url, Map.of("oldSize", held.size() - 1, "consistency", List.of(), "checkpoint", checkpoint));
        assertEquals(409, stale.statusCode(), stale.body());
        assertTrue(stale.body().contains("witness.old_size"), stale.body());

        var proof = log.getBean(LedgerProofUseCase.class).consistency(1, held.size()).proof();
        var forged = new HashMap<>(checkpoint);
        forged.put("size", held.size() + 1);
        var wrongKey = post(url, Map.of("oldSize", held.size(), "consistency", proof, "checkpoint", forged));
        assertEquals(403, wrongKey.statusCode(), "a changed checkpoint no longer carries the log's signature");

        var nothing = post(url, Map.of("oldSize", held.size(), "consistency", proof));
        assertEquals(400, nothing.statusCode(), nothing.body());
        assertTrue(nothing.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(404, post(witnessUrl + "/api/v1/witness/staging/checkpoints",
                Map.of("oldSize", 0, "checkpoint", checkpoint)).statusCode());
    }

    /** The witness's answer, saved as it came, is a checkpoint a reviewer can hold a later bundle to. */
    private static void reviewerTrustsTheWitnessesAnswer(String witnessUrl, ApplicationContext log) throws Exception {
        var answer = HTTP.send(HttpRequest.newBuilder(URI.create(witnessUrl + "/api/v1/witness/prod/checkpoints/latest"))
                .build(), HttpResponse.BodyHandlers.ofString());
        var saved = Files.writeString(Files.createTempFile("witness-latest", ".json"), answer.body());
        var bundle = Files.createTempFile("evidence", ".zip");
        try (var out = Files.newOutputStream(bundle)) {
            log.getBean(EvidenceBundleUseCase.class).bundle(null, CHECK).writeTo(out);
        }
        var err = new java.io.ByteArrayOutputStream();
        int exit = Offline.verify(new String[]{"verify-bundle", bundle.toString(), "--trusted", saved.toString()},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), new java.io.PrintStream(err, true));
        assertEquals(0, exit, err.toString());
    }

    private static HttpResponse<String> post(String url, Map<String, Object> body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One more entry, a checkpoint over it, and a witness round; answers the checkpoint's size. */
    private static long publishOneMore(ApplicationContext context) {
        var status = context.getBean(LedgerStatusUseCase.class);
        long before = status.status().latestCheckpoint() == null ? 0 : status.status().latestCheckpoint().size();
        context.getBean(AuditTrail.class).read(AuditAction.AUDIT_QUERIED, CHECK, Map.of("test", "witness"));
        var newest = Poll.until(Duration.ofSeconds(10), "a checkpoint over the new entry",
                () -> status.status().latestCheckpoint(), c -> c != null && c.size() > before);
        var round = context.getBean(WitnessLedgerUseCase.class).synchronize();
        assertNotNull(round);
        return newest.size();
    }

    private static EmbeddedServer start(TestDatabase.Target database, Map<String, String> extra) {
        var props = new HashMap<String, Object>(StandaloneProperties.on(database));
        props.put("flagtrail.ledger.checkpoint-every-entries", "1");
        props.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }
}
