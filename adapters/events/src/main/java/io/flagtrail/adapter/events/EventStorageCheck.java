package io.flagtrail.adapter.events;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

/** Checks {@code EVENTS_STORAGE} at startup, so that a wrong value stops the service with one line (see {@link EventStorage}). */
@Context
final class EventStorageCheck {

    EventStorageCheck(@Value("${" + EventStorage.PROPERTY + ":" + EventStorage.DEFAULT + "}") String storage) {
        EventStorage.parse(storage);
    }
}
