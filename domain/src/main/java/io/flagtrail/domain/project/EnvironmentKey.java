package io.flagtrail.domain.project;

/** An environment's key within its project, e.g. {@code production}; immutable. */
public record EnvironmentKey(String value) {

    /** The environment of the default project that the compatibility routes address (ADR 0012). */
    public static final EnvironmentKey PRODUCTION = new EnvironmentKey("production");
    public static final EnvironmentKey DEVELOPMENT = new EnvironmentKey("development");

    public EnvironmentKey {
        Slug.check("environment", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
