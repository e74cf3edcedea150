package io.flagtrail.adapter.events;

import java.time.Duration;

/** Where the JetStream publisher connects and what it publishes to: subject {@code <prefix>.<event type>}. */
record NatsSettings(String url, String stream, String subjectPrefix, Duration timeout) {

    NatsSettings {
        if (!url.startsWith("nats://") && !url.startsWith("tls://")) {
            throw new IllegalArgumentException("EVENTS_NATS_URL must be a nats:// or tls:// URL, was " + url);
        }
        if (!subjectPrefix.matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
            throw new IllegalArgumentException("EVENTS_NATS_SUBJECT_PREFIX must be dot-separated tokens, was "
                    + subjectPrefix);
        }
    }

    String subject(String eventType) {
        return subjectPrefix + "." + eventType;
    }
}
