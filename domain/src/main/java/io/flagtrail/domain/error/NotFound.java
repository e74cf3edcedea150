package io.flagtrail.domain.error;

/** The named thing does not exist. */
public final class NotFound extends DomainException {

    public NotFound(String code, String message) {
        super(code, message);
    }

    public static NotFound feature(String key) {
        return new NotFound("feature.not_found", "no feature with key '" + key + "'");
    }

    public static NotFound project(String key) {
        return new NotFound("project.not_found", "no project '" + key + "'");
    }

    public static NotFound environment(String project, String key) {
        return new NotFound("environment.not_found", "project '" + project + "' has no environment '" + key + "'");
    }
}
