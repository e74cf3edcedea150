package io.flagtrail.domain.project;

/** A project's immutable key, e.g. {@code web}; the key of the project every installation starts with is {@link #DEFAULT}. */
public record ProjectKey(String value) {

    /** The project existing features were moved to, and that the compatibility routes address (ADR 0012). */
    public static final ProjectKey DEFAULT = new ProjectKey("default");

    public ProjectKey {
        Slug.check("project", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
