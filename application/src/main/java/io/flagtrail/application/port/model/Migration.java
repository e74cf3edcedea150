package io.flagtrail.application.port.model;

import java.time.Instant;

/** One schema migration: its version, what it does, whether it is applied, and when. */
public record Migration(String version, String description, String state, Instant installedOn) {
}
