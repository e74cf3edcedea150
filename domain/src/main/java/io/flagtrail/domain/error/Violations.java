package io.flagtrail.domain.error;

import java.util.ArrayList;
import java.util.List;

/** Collects broken rules while a value is checked, so that one answer names every bad field. */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new FieldViolation(field, message));
        }
        return this;
    }

    /** Runs a check that throws {@link InvalidInput} itself, and keeps what it found. */
    public Violations include(Runnable check) {
        return include("", check);
    }

    /** Like {@link #include(Runnable)}, naming each field found under {@code prefix} ({@code rules[2]} + {@code variant}). */
    public Violations include(String prefix, Runnable check) {
        try {
            check.run();
        } catch (InvalidInput e) {
            e.violations().forEach(v -> found.add(prefix.isEmpty() ? v : new FieldViolation(
                    v.field().isEmpty() ? prefix : prefix + "." + v.field(), v.message())));
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInput(found);
        }
    }
}
