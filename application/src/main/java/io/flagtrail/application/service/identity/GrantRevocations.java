package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;

/**
 * Takes the grants out of a place that is being deleted, in the deleting transaction: each user's grants there are
 * revoked and recorded (ROLE_REVOKED, the deletion's reason), and the change is announced like any change of a
 * session's standing, so that no instance honours the grant from memory afterwards. A grant never outlives its
 * place: an environment created again under the same key starts with no one in it.
 */
public final class GrantRevocations {

    private final Users users;
    private final UserChanges changes;
    private final StandingNotices notices;

    public GrantRevocations(Users users, UserChanges changes, StandingNotices notices) {
        this.users = users;
        this.changes = changes;
        this.notices = notices;
    }

    /**
     * Within the caller's transaction: revokes every grant in {@code environment} of {@code project} (every grant in
     * the project when {@code environment} is null, the project-wide ones included); answers how many users lost one.
     * When it answers more than zero, the caller calls {@link #awaitHeard()} once its transaction has committed.
     */
    public int revokeIn(ProjectKey project, EnvironmentKey environment, Origin origin, String reason) {
        int revoked = 0;
        for (var user : users.withGrantsIn(project)) {
            var change = user.revokeGrantsIn(project, environment);
            if (change.isPresent()) {
                users.update(change.get().after());
                changes.record(change.get(), origin, reason);
                revoked++;
            }
        }
        if (revoked > 0) {
            notices.announce();
        }
        return revoked;
    }

    public void awaitHeard() {
        notices.awaitHeard();
    }
}
