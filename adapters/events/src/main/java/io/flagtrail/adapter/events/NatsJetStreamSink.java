package io.flagtrail.adapter.events;

import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.domain.event.DomainEvent;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Publishes every event to NATS JetStream, one subject per event type, with the event id as the message id: the
 * stream's duplicate window drops a redelivered event, so subscribers get each id once. Connects (and creates the
 * stream when it is missing) on first use, and again after a failure; a broker that does not answer makes the
 * relay retry this handler only.
 */
final class NatsJetStreamSink implements EventHandler {

    static final String NAME = "nats-jetstream";

    private final NatsSettings settings;
    private Connection connection;
    private JetStream jetStream;

    NatsJetStreamSink(NatsSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void handle(DomainEvent event) throws IOException, JetStreamApiException, InterruptedException {
        var headers = new Headers().add("Flagtrail-Event-Type", event.type());
        var options = PublishOptions.builder().messageId(event.eventId().toString()).stream(settings.stream()).build();
        try {
            stream().publish(settings.subject(event), headers,
                    EventJson.of(event).getBytes(StandardCharsets.UTF_8), options);
        } catch (IOException | JetStreamApiException e) {
            close();
            throw e;
        }
    }

    synchronized void close() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        connection = null;
        jetStream = null;
    }

    private JetStream stream() throws IOException, InterruptedException, JetStreamApiException {
        if (jetStream == null) {
            var options = new Options.Builder().server(settings.url()).connectionTimeout(settings.timeout())
                    .maxReconnects(0).build();
            connection = Nats.connect(options);
            var management = connection.jetStreamManagement();
            if (!management.getStreamNames().contains(settings.stream())) {
                management.addStream(StreamConfiguration.builder().name(settings.stream())
                        .subjects(settings.subjectPrefix() + ".>").storageType(StorageType.File).build());
            }
            jetStream = connection.jetStream();
        }
        return jetStream;
    }
}
