package io.flagtrail.domain.actor;

/** What kind of party acted. */
public enum ActorType {
    USER, API_KEY, CLI, SYSTEM
}
