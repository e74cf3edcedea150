package io.flagtrail.domain.audit;

import io.flagtrail.domain.error.InvalidInput;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where an entry's change applies: a project, and one environment of it where the change is of one (a feature's state,
 * an environment, a grant there); the environment is null for a change of the project itself or a project-wide grant.
 *
 * <p>It is a function of what the entry records and the ledger hashes ({@link #of}): the store keeps it beside the
 * entry only as an index for filters ("every production change"), and the offline verifier derives it again from the
 * hashed entries to check that an evidence bundle's selection holds every entry of its place and no other.
 */
public record AuditPlace(String project, String environment) {

    /** Where every feature was before projects (ADR 0012): what a feature entry that names no project is about. */
    public static final AuditPlace BEFORE_PROJECTS = new AuditPlace("default", "production");

    public AuditPlace {
        Objects.requireNonNull(project, "project");
    }

    /**
     * The place a reader asks for (a filter, a bundle's selection): none when neither is given; an environment only
     * with its project (400 naming {@code environment}: an environment key is the project's).
     */
    public static AuditPlace asked(String project, String environment) {
        if (environment != null && project == null) {
            throw InvalidInput.of("environment", "is asked with its project (an environment key is the project's)");
        }
        return project == null ? null : new AuditPlace(project, environment);
    }

    /**
     * The place of an entry: a feature's is the one its snapshots name (from before projects: default/production); an
     * environment's and a change request's is its subject key {@code project/environment}; a project's its key; a grant's (ROLE_GRANTED or
     * ROLE_REVOKED of a user, one grant per entry) the place of the one grant its snapshots differ by. Null for any
     * other entry.
     */
    public static AuditPlace of(Subject subject, AuditAction action, Map<String, Object> before,
                                Map<String, Object> after) {
        return switch (subject.type()) {
            case "feature" -> feature(after != null ? after : before);
            case "environment", "change-request" -> environment(subject.key());
            case "project" -> subject.key() == null ? null : new AuditPlace(subject.key(), null);
            case "user" -> action == AuditAction.ROLE_GRANTED || action == AuditAction.ROLE_REVOKED
                    ? grant(before, after) : null;
            default -> null;
        };
    }

    private static AuditPlace feature(Map<String, Object> snapshot) {
        if (snapshot == null) {
            return null;
        }
        return snapshot.get("project") instanceof String project
                ? new AuditPlace(project, snapshot.get("environment") instanceof String env ? env : null)
                : BEFORE_PROJECTS;
    }

    private static AuditPlace environment(String key) {
        if (key == null) {
            return null;
        }
        int slash = key.indexOf('/');
        return slash < 0 ? new AuditPlace(key, null) : new AuditPlace(key.substring(0, slash), key.substring(slash + 1));
    }

    /** The place of the one grant ({@code ROLE@project[/environment]}) in one snapshot's grants and not the other's. */
    private static AuditPlace grant(Map<String, Object> before, Map<String, Object> after) {
        var was = grants(before);
        var is = grants(after);
        var moved = new HashSet<>(was);
        moved.addAll(is);
        var both = new HashSet<>(was);
        both.retainAll(is);
        moved.removeAll(both);
        if (moved.size() != 1) {
            return null; // a change of global roles, or of more than one grant at once (never recorded so)
        }
        var grant = moved.iterator().next();
        int at = grant.indexOf('@');
        return at < 0 ? null : environment(grant.substring(at + 1));
    }

    private static Set<String> grants(Map<String, Object> snapshot) {
        var grants = new HashSet<String>();
        if (snapshot != null && snapshot.get("grants") instanceof List<?> listed) {
            listed.forEach(grant -> grants.add(String.valueOf(grant)));
        }
        return grants;
    }
}
