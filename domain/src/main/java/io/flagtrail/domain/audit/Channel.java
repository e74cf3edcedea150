package io.flagtrail.domain.audit;

/** Through which door the action came in. */
public enum Channel {
    HTTP, CLI, SYSTEM
}
