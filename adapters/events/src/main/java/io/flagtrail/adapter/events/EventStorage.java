package io.flagtrail.adapter.events;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * {@code EVENTS_STORAGE}: where events are kept besides the outbox, as the configuration this service replaces names
 * them: {@code fs} (JSON-lines files; {@code file} is the same), {@code db} (the database's event log, queryable),
 * both ({@code fs,db}), or {@code none}. Any other value stops startup with one line naming the setting: a
 * misconfiguration must never silently switch a sink off.
 */
public enum EventStorage {
    FS, DB;

    public static final String PROPERTY = "flagtrail.events.storage";
    static final String DEFAULT = "fs";

    public static Set<EventStorage> parse(String configured) {
        var chosen = EnumSet.noneOf(EventStorage.class);
        String value = configured == null || configured.isBlank() ? DEFAULT : configured;
        for (String part : value.split(",")) {
            switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "fs", "file" -> chosen.add(FS);
                case "db" -> chosen.add(DB);
                case "none" -> {
                    // nothing besides the outbox
                }
                default -> throw new IllegalStateException("EVENTS_STORAGE must be fs, db, fs,db or none (file means fs), "
                        + "was '" + configured + "'");
            }
        }
        return chosen;
    }

    static Set<EventStorage> of(ConditionContext<?> context) {
        return parse(context.getProperty(PROPERTY, String.class).orElse(DEFAULT));
    }

    /** The file sink's condition. */
    public static final class Fs implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context).contains(FS);
        }
    }

    /** The database event log's condition. */
    public static final class Db implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return of(context).contains(DB);
        }
    }
}
