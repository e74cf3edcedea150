package io.flagtrail.application.port.out;

import java.util.UUID;

/** New identifiers (UUIDv7 in production: time-ordered, so indexes stay compact). */
public interface IdGenerator {

    UUID newId();
}
