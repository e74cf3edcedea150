package io.flagtrail.adapter.witness;

import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A witness on NATS JetStream: every checkpoint is a message on one subject of a stream created with deletes and
 * purges denied, so the messages can only grow. Publishing names the sequence of the newest message it checked
 * against ({@code expected last subject sequence}), so two instances never interleave out of order: the loser
 * re-reads and finds the checkpoint there, or a greater one. Give the service NATS credentials that may publish and
 * read but not delete the stream, held by someone other than the database's owner (docs/operations.md).
 */
@Singleton
@Requires(property = "flagtrail.ledger.witness.nats.enabled", value = "true")
final class NatsCheckpointWitness implements CheckpointWitness {

    /** JetStream's "no message found" and "wrong last sequence" API error codes. */
    private static final int NO_MESSAGE = 10037;
    private static final int WRONG_LAST_SEQUENCE = 10071;

    private final String url;
    private final String stream;
    private final String subject;
    private final Duration timeout;
    private Connection connection;

    NatsCheckpointWitness(@Value("${flagtrail.ledger.witness.nats.url:nats://127.0.0.1:4222}") String url,
                          @Value("${flagtrail.ledger.witness.nats.stream:FLAGTRAIL_WITNESS}") String stream,
                          @Value("${flagtrail.ledger.witness.nats.subject:flagtrail.witness.checkpoints}") String subject,
                          @Value("${flagtrail.ledger.witness.nats.timeout:2s}") Duration timeout) {
        this.url = url;
        this.stream = stream;
        this.subject = subject;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "nats:" + url + "/" + stream + "/" + subject;
    }

    @Override
    public synchronized Optional<Checkpoint> latest() {
        try {
            return last().map(NatsCheckpointWitness::checkpoint);
        } catch (IOException | JetStreamApiException | InterruptedException | RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint, Consistency consistency) {
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                var last = last();
                if (CheckpointWitness.holdsAlready(last.map(NatsCheckpointWitness::checkpoint), checkpoint)) {
                    return;
                }
                var options = PublishOptions.builder().stream(stream)
                        .expectedLastSubjectSequence(last.map(MessageInfo::getSeq).orElse(0L)).build();
                try {
                    connect().jetStream().publish(subject, checkpoint.json().getBytes(StandardCharsets.UTF_8), options);
                    return;
                } catch (JetStreamApiException e) {
                    if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE) {
                        throw e;
                    }
                    // another instance published in between: look again
                }
            }
            throw new Unreachable("the witness kept changing while publishing; the next round tries again", null);
        } catch (IOException | JetStreamApiException | InterruptedException e) {
            throw unreachable(e);
        }
    }

    private Optional<MessageInfo> last() throws IOException, JetStreamApiException, InterruptedException {
        try {
            return Optional.of(connect().jetStreamManagement().getLastMessage(stream, subject));
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() == NO_MESSAGE) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Checkpoint checkpoint(MessageInfo message) {
        return Checkpoint.fromJson(JsonReader.parseObject(new String(message.getData(), StandardCharsets.UTF_8)));
    }

    /** Connects on first use and after a failure; creates the stream, deletes and purges denied, when it is missing. */
    private Connection connect() throws IOException, InterruptedException, JetStreamApiException {
        if (connection == null || connection.getStatus() != Connection.Status.CONNECTED) {
            close();
            connection = Nats.connect(new Options.Builder().server(url).connectionTimeout(timeout).maxReconnects(0)
                    .build());
            var management = connection.jetStreamManagement();
            if (!management.getStreamNames().contains(stream)) {
                management.addStream(StreamConfiguration.builder().name(stream).subjects(subject)
                        .storageType(StorageType.File).denyDelete(true).denyPurge(true).build());
            }
        }
        return connection;
    }

    synchronized void close() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        connection = null;
    }

    private Unreachable unreachable(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        try {
            close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Unreachable("the NATS witness " + name() + " did not answer: " + e.getMessage(), e);
    }
}
