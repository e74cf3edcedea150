package io.flagtrail.domain.project;

import io.flagtrail.domain.change.ChangeStamp;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a project or an environment is in its life: its version (its ETag; every effective change adds one), who
 * created it and when, and who changed it last and when. A change never takes a time before the one it follows.
 */
public record Revision(long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

    public Revision {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static Revision first(ChangeStamp stamp) {
        return new Revision(1, stamp.at(), stamp.actor().reference(), stamp.at(), stamp.actor().reference());
    }

    Revision next(ChangeStamp stamp) {
        var at = stamp.notBefore(updatedAt).at();
        return new Revision(version + 1, createdAt, createdBy, at, stamp.actor().reference());
    }
}
