package io.flagtrail.domain.user;

import io.flagtrail.domain.actor.Role;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The domain event a user records for every change that changed something: the account before (null on creation)
 * and after. Roles granted and revoked are derived, so a role change is one event however many roles it moves.
 */
public record UserChanged(UserAction action, User before, User after) {

    public UserChanged {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(after, "after");
    }

    public Set<Role> granted() {
        return difference(after.roles(), before == null ? Set.of() : before.roles());
    }

    public Set<Role> revoked() {
        return before == null ? Set.of() : difference(before.roles(), after.roles());
    }

    /** Grants added by the change, in their written order. */
    public SortedSet<Grant> grantsAdded() {
        var added = new TreeSet<>(after.grants());
        if (before != null) {
            added.removeAll(before.grants());
        }
        return added;
    }

    public SortedSet<Grant> grantsRemoved() {
        var removed = new TreeSet<Grant>();
        if (before != null) {
            removed.addAll(before.grants());
            removed.removeAll(after.grants());
        }
        return removed;
    }

    private static Set<Role> difference(Set<Role> from, Set<Role> without) {
        var left = EnumSet.noneOf(Role.class);
        left.addAll(from);
        left.removeAll(without);
        return left;
    }
}
