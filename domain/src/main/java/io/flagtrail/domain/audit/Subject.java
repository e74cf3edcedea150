package io.flagtrail.domain.audit;

import java.util.Objects;

/** What an entry is about: a type ({@code feature}, {@code user}), its stable id and its human key. */
public record Subject(String type, String id, String key) {

    public Subject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
