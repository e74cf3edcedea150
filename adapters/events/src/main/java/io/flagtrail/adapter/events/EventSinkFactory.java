package io.flagtrail.adapter.events;

import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventHandler;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The built-in event handlers, each switched by configuration: the JSON-lines files ({@code EVENTS_STORAGE=fs}, the
 * default; see {@link EventStorage}) and the NATS JetStream publisher ({@code EVENTS_NATS_ENABLED=true}). The database
 * event log ({@code EVENTS_STORAGE=db}) is wired with the use cases.
 */
@Factory
final class EventSinkFactory {

    @Singleton
    @Bean(typed = {EventHandler.class, FileEventSink.class}, preDestroy = "close")
    @Requires(condition = EventStorage.Fs.class)
    FileEventSink fileSink(@Value("${flagtrail.events.path:./data/events}") String path,
                           @ReadableBytes @Value("${flagtrail.events.max-file-size:1MB}") long maxFileSize,
                           @Value("${flagtrail.events.retention-days:30}") int retentionDays, Clock clock) {
        return new FileEventSink(new FileSinkSettings(Path.of(path), maxFileSize, Duration.ofDays(retentionDays)), clock);
    }

    @Singleton
    @Bean(typed = EventHandler.class, preDestroy = "close")
    @Requires(property = "flagtrail.events.nats.enabled", value = "true")
    NatsJetStreamSink natsSink(@Value("${flagtrail.events.nats.url:nats://127.0.0.1:4222}") String url,
                               @Value("${flagtrail.events.nats.stream:FLAGTRAIL_EVENTS}") String stream,
                               @Value("${flagtrail.events.nats.subject-prefix:flagtrail.events}") String prefix,
                               @Value("${flagtrail.events.nats.timeout:2s}") Duration timeout) {
        return new NatsJetStreamSink(new NatsSettings(url, stream, prefix, timeout));
    }
}
