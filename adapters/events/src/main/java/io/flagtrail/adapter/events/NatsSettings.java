package io.flagtrail.adapter.events;

import io.flagtrail.domain.event.DomainEvent;
import java.time.Duration;

/**
 * Where the JetStream publisher connects and what it publishes to: subject
 * {@code <prefix>.<project>.<environment>.<event type>}, with {@code _} for both of an event outside projects, so that
 * a consumer subscribes to production only with {@code <prefix>.*.production.>} (keys have no '.': ADR 0012).
 */
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

    static final String OUTSIDE_PROJECTS = "_";

    String subject(DomainEvent event) {
        var scope = event.scope();
        return subjectPrefix + "." + (scope == null ? OUTSIDE_PROJECTS + "." + OUTSIDE_PROJECTS
                : scope.project().value() + "." + scope.environment().value()) + "." + event.type();
    }
}
