package io.flagtrail.adapter.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flagtrail.application.fakes.GeneratedKeySigner;
import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.Cosignature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against a witness played by the JDK's own HTTP server: it proves from the size the witness holds,
 * proves again from the new size after a 409, and refuses an answer not cosigned by the witness's key.
 */
class HttpCheckpointWitnessTest {

    final GeneratedKeySigner witnessKey = new GeneratedKeySigner();
    final GeneratedKeySigner impostor = new GeneratedKeySigner();
    final List<String> posted = new ArrayList<>();
    int reads;
    HttpServer server;
    /** What the played witness holds, and the key it cosigns with. */
    Checkpoint held;
    GeneratedKeySigner signsWith = witnessKey;
    /** When set, the next POST is answered 409 and the witness moves to this checkpoint meanwhile. */
    Checkpoint movesTo;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void it_offers_the_proof_from_the_held_size_and_proves_again_after_a_409() throws IOException {
        start();
        held = checkpoint(5);
        movesTo = checkpoint(8);
        var witness = adapter();

        witness.publish(checkpoint(12), (from, to) -> List.of("proof-" + from + "-" + to));

        assertEquals(2, posted.size(), "one offer refused with 409, then one taken");
        assertEquals(5L, ((Number) JsonReader.parseObject(posted.get(0)).get("oldSize")).longValue());
        assertEquals(List.of("proof-8-12"), JsonReader.parseObject(posted.get(1)).get("consistency"));
        assertEquals(12, witness.latest().orElseThrow().size());
    }

    @Test
    void a_round_reads_the_witness_once_and_offers_from_what_it_said() throws IOException {
        start();
        held = checkpoint(5);
        var witness = adapter();

        assertEquals(5, witness.latest().orElseThrow().size());
        witness.publish(checkpoint(7), (from, to) -> List.of("proof-" + from + "-" + to));

        assertEquals(1, reads, "publishing right after the round's read does not read again");
        assertEquals(List.of("proof-5-7"), JsonReader.parseObject(posted.getFirst()).get("consistency"));
    }

    @Test
    void an_answer_not_cosigned_by_the_witnesses_key_is_not_taken_as_what_it_holds() throws IOException {
        start();
        held = checkpoint(5);
        signsWith = impostor;
        var witness = adapter();

        var refused = assertThrows(CheckpointWitness.Unreachable.class, witness::latest);
        assertTrue(refused.getMessage().contains("not cosigned by its key"), refused.getMessage());
        assertThrows(CheckpointWitness.Unreachable.class, () -> witness.publish(checkpoint(9), (from, to) -> List.of()));
    }

    @Test
    void a_witness_that_is_not_there_is_unreachable() {
        var nowhere = new HttpCheckpointWitness("http://127.0.0.1:9", "prod", null, Duration.ofMillis(500));
        assertThrows(CheckpointWitness.Unreachable.class, nowhere::latest);
    }

    private HttpCheckpointWitness adapter() {
        return new HttpCheckpointWitness("http://127.0.0.1:" + server.getAddress().getPort() + "/", "prod",
                witnessKey.publicKeys().get(witnessKey.keyId()), Duration.ofSeconds(2));
    }

    private void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/witness/prod/checkpoints", this::answer);
        server.start();
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestMethod().equals("GET")) {
            reads++;
        }
        if (exchange.getRequestMethod().equals("POST")) {
            posted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (movesTo != null) {
                held = movesTo;
                movesTo = null;
                send(exchange, 409, "{\"code\":\"witness.old_size\",\"detail\":\"the witness holds size 8\"}");
                return;
            }
            @SuppressWarnings("unchecked")
            var offered = Checkpoint.fromJson((Map<String, Object>) JsonReader.parseObject(posted.getLast())
                    .get("checkpoint"));
            held = offered;
        }
        var now = Instant.parse("2026-12-03T10:00:00Z");
        String hash = held.statementHash();
        var cosignature = new Cosignature("prod", hash, now, signsWith.keyId(),
                signsWith.sign(Cosignature.statement("prod", hash, now, signsWith.keyId())));
        send(exchange, 200, "{\"checkpoint\":" + held.json() + ",\"cosignature\":" + cosignature.json() + "}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Checkpoint checkpoint(long size) {
        return new Checkpoint(size, "a".repeat(64), "b".repeat(64), Checkpoint.NONE,
                Instant.parse("2026-12-03T09:00:00Z").plusSeconds(size), "ed25519-log", "c2ln");
    }
}
