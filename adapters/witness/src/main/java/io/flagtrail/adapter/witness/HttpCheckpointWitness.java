package io.flagtrail.adapter.witness;

import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.Cosignature;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A witness that checks before it keeps: another Flagtrail instance (or anything speaking docs/witness.md), which
 * takes a checkpoint only with a consistency proof from the one it holds, and countersigns it. Given the witness's
 * public key ({@code flagtrail.ledger.witness.http.public-key}), every answer's cosignature is checked too, so a
 * man in the middle cannot pose as the witness.
 */
@Singleton
@Requires(property = "flagtrail.ledger.witness.http.enabled", value = "true")
final class HttpCheckpointWitness implements CheckpointWitness {

    /** A submitter that lost a race with another instance reads the witness again and proves from there. */
    private static final int ATTEMPTS = 3;

    private final URI latest;
    private final URI add;
    private final String origin;
    private final String witnessKey;
    private final Duration timeout;
    private final HttpClient http;
    /** The size the witness held when it last answered; null before it has. */
    private volatile Long seenSize;

    HttpCheckpointWitness(@Value("${flagtrail.ledger.witness.http.url}") String url,
                          @Value("${flagtrail.ledger.witness.http.origin:flagtrail}") String origin,
                          @Nullable @Value("${flagtrail.ledger.witness.http.public-key:}") String witnessKey,
                          @Value("${flagtrail.ledger.witness.http.timeout:2s}") Duration timeout) {
        String base = url.replaceAll("/+$", "") + "/api/v1/witness/" + URLEncoder.encode(origin, StandardCharsets.UTF_8);
        this.latest = URI.create(base + "/checkpoints/latest");
        this.add = URI.create(base + "/checkpoints");
        this.origin = origin;
        this.witnessKey = witnessKey == null || witnessKey.isBlank() ? null : witnessKey.strip();
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "http:" + add;
    }

    @Override
    public Optional<Checkpoint> latest() {
        var answer = send(HttpRequest.newBuilder(latest).GET());
        if (answer.statusCode() == 404 && answer.body().contains("witness.nothing_held")) {
            seenSize = 0L;
            return Optional.empty();
        }
        try {
            var held = cosigned(answer, "GET").checkpoint();
            seenSize = held.size();
            return Optional.of(held);
        } catch (Refused e) {
            // an answer that is not the witness's own cannot be read as what it holds: ask again next round
            throw new Unreachable(e.getMessage(), e);
        }
    }

    @Override
    public void publish(Checkpoint checkpoint, Consistency consistency) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // the round read the witness just before: start from what it said, and read again only after a 409
            Long seen = attempt == 0 ? seenSize : null;
            long held = seen != null ? seen : latest().map(Checkpoint::size).orElse(0L);
            if (held >= checkpoint.size()) {
                if (held == checkpoint.size()) {
                    return; // the witness answers its own cosignature of this tree again; nothing to add
                }
                throw new Refused("the witness holds size " + held + "; it only takes a greater one, not "
                        + checkpoint.size());
            }
            List<String> proof = held == 0 ? List.of() : consistency.between(held, checkpoint.size());
            String body = CanonicalJson.write(Map.of("oldSize", held, "consistency", proof,
                    "checkpoint", JsonReader.parseObject(checkpoint.json())));
            var answer = send(HttpRequest.newBuilder(add).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            if (answer.statusCode() != 409) {
                var taken = cosigned(answer, "POST");
                if (taken.checkpoint().size() != checkpoint.size()) {
                    throw new Refused("the witness answered a checkpoint of size " + taken.checkpoint().size());
                }
                seenSize = checkpoint.size();
                return;
            }
            // another instance extended the witness meanwhile: read it again and prove from there
        }
        throw new Unreachable("the witness kept moving while publishing; the next round tries again", null);
    }

    /** The answer's checkpoint and cosignature, the cosignature checked when the witness's key is known. */
    private CosignedCheckpoint cosigned(HttpResponse<String> answer, String method) {
        if (answer.statusCode() != 200) {
            var failure = method + " " + answer.uri() + " answered " + answer.statusCode() + ": " + detail(answer.body());
            if (answer.statusCode() >= 500 || answer.statusCode() == 404) {
                throw new Unreachable(failure, null);
            }
            throw new Refused(failure);
        }
        try {
            var json = JsonReader.parseObject(answer.body());
            @SuppressWarnings("unchecked")
            var checkpoint = Checkpoint.fromJson((Map<String, Object>) json.get("checkpoint"));
            @SuppressWarnings("unchecked")
            var cosignature = Cosignature.fromJson((Map<String, Object>) json.get("cosignature"));
            if (witnessKey != null && !cosignature.valid(witnessKey, checkpoint)) {
                throw new Refused("the witness's answer is not cosigned by its key: not the witness, or tampered");
            }
            if (!cosignature.origin().equals(origin)) {
                throw new Refused("the witness cosigned for the log " + cosignature.origin() + ", not " + origin);
            }
            return new CosignedCheckpoint(checkpoint, cosignature);
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new Unreachable("the witness's answer is no cosigned checkpoint: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(timeout).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unreachable("the witness " + name() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted while asking the witness " + name(), e);
        }
    }

    /** A problem+json's detail, or the start of whatever else came back. */
    private static String detail(String body) {
        try {
            var detail = JsonReader.parseObject(body).get("detail");
            if (detail != null) {
                return String.valueOf(detail);
            }
        } catch (IllegalArgumentException e) {
            // not JSON: show what it was
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
