package io.flagtrail.domain.project;

import java.util.Objects;

/** Where a feature's state is read or changed: one environment of one project. */
public record Scope(ProjectKey project, EnvironmentKey environment) {

    /** What the routes without a project ({@code /api/v1/features}, OFREP, the CLI's defaults) address (ADR 0012). */
    public static final Scope COMPATIBILITY = new Scope(ProjectKey.DEFAULT, EnvironmentKey.PRODUCTION);

    public Scope {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String toString() {
        return project + "/" + environment;
    }
}
