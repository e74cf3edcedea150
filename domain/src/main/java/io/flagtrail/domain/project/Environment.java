package io.flagtrail.domain.project;

import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.change.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An environment of one project (development, staging, production, ...): its key is unique within the project and
 * never changes; its name, type, place in the project's order ({@code sortOrder}, 0-10000) and its
 * {@link ApprovalPolicy} do. An environment whose policy requires approvals is <em>protected</em>: its feature states
 * change only through approved change requests (ADR 0014).
 */
public record Environment(UUID id, UUID projectId, EnvironmentKey key, String name, EnvironmentType type,
                          int sortOrder, ApprovalPolicy policy, Revision revision) {

    public static final int MAX_NAME = 120;
    public static final int MAX_SORT_ORDER = 10_000;

    public Environment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(revision, "revision");
        policy = policy == null ? ApprovalPolicy.DIRECT : policy;
        new Violations()
                .check(name != null && !name.isBlank() && name.length() <= MAX_NAME && !Text.hasControlCharacters(name, false),
                        "name", "must be 1-" + MAX_NAME + " characters on one line")
                .check(type != null, "type", "must be given")
                .check(sortOrder >= 0 && sortOrder <= MAX_SORT_ORDER, "sortOrder", "must be between 0 and " + MAX_SORT_ORDER)
                .throwIfAny();
    }

    public static Environment create(UUID id, UUID projectId, EnvironmentKey key, String name, EnvironmentType type,
                                     int sortOrder, ApprovalPolicy policy, ChangeStamp stamp) {
        return new Environment(id, projectId, key, name, type, sortOrder, policy, Revision.first(stamp));
    }

    /**
     * This environment with the given fields changed (null leaves one as it is), at the next version; this very
     * environment when nothing changes. {@code expected} is the version the caller saw (If-Match).
     */
    public Environment change(String newName, EnvironmentType newType, Integer newSortOrder,
                              ApprovalPolicy newPolicy, Long expected, ChangeStamp stamp) {
        expectVersion(expected);
        var changed = new Environment(id, projectId, key, newName != null ? newName : name,
                newType != null ? newType : type, newSortOrder != null ? newSortOrder : sortOrder,
                newPolicy != null ? newPolicy : policy, revision);
        return changed.snapshot().equals(snapshot()) ? this : new Environment(id, projectId, key, changed.name,
                changed.type, changed.sortOrder, changed.policy, revision.next(stamp));
    }

    /** Whether changes to feature states here must go through approved change requests. */
    public boolean isProtected() {
        return policy.requiresApproval();
    }

    /** The rule for a change based on an earlier read (If-Match), as for features. */
    public void expectVersion(Long expected) {
        if (expected != null && expected != revision.version()) {
            throw new StaleVersion("environment '" + key + "'", expected, revision.version());
        }
    }

    /** The audited picture: the business fields in a fixed order. */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", key.value());
        map.put("name", name);
        map.put("type", type.name());
        map.put("sortOrder", sortOrder);
        map.put("protected", isProtected());
        map.put("approvalPolicy", policy.snapshot());
        return map;
    }
}
