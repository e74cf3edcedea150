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
 * A project: the namespace a team's features live in, with environments of its own. Its key never changes; its name
 * (1-120 characters, one line), description (at most 2000) and optional owner do, each change a new version.
 */
public record Project(UUID id, ProjectKey key, String name, String description, String owner, Revision revision) {

    public static final int MAX_NAME = 120;
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_OWNER = 120;

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(revision, "revision");
        description = description == null ? "" : description;
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        new Violations()
                .check(name != null && !name.isBlank() && name.length() <= MAX_NAME && !Text.hasControlCharacters(name, false),
                        "name", "must be 1-" + MAX_NAME + " characters on one line")
                .check(description.length() <= MAX_DESCRIPTION && !Text.hasControlCharacters(description, true),
                        "description", "must be at most " + MAX_DESCRIPTION + " characters without control characters")
                .check(owner == null || (owner.length() <= MAX_OWNER && !Text.hasControlCharacters(owner, false)),
                        "owner", "must be at most " + MAX_OWNER + " characters on one line")
                .throwIfAny();
    }

    public static Project create(UUID id, ProjectKey key, String name, String description, String owner,
                                 ChangeStamp stamp) {
        return new Project(id, key, name, description, owner, Revision.first(stamp));
    }

    /**
     * This project with the given fields changed (null leaves one as it is; an empty owner clears it), at the next
     * version; this very project when nothing changes. {@code expected} is the version the caller saw (If-Match).
     */
    public Project change(String newName, String newDescription, String newOwner, Long expected, ChangeStamp stamp) {
        expectVersion(expected);
        var changed = new Project(id, key, newName != null ? newName : name,
                newDescription != null ? newDescription : description, newOwner != null ? newOwner : owner, revision);
        return changed.snapshot().equals(snapshot()) ? this
                : new Project(id, key, changed.name, changed.description, changed.owner, revision.next(stamp));
    }

    /** The rule for a change based on an earlier read (If-Match), as for features. */
    public void expectVersion(Long expected) {
        if (expected != null && expected != revision.version()) {
            throw new StaleVersion("project '" + key + "'", expected, revision.version());
        }
    }

    /** The audited picture: the business fields in a fixed order. */
    public Map<String, Object> snapshot() {
        var map = new LinkedHashMap<String, Object>();
        map.put("key", key.value());
        map.put("name", name);
        map.put("description", description);
        map.put("owner", owner);
        return map;
    }
}
