package io.flagtrail.domain.actor;

import io.flagtrail.domain.error.InvalidInput;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user may do. ADMIN includes EDITOR, which includes VIEWER (the hierarchy itself is configuration);
 * AUDITOR stands apart: it reads, exports and verifies the audit trail and changes nothing.
 */
public enum Role {
    ADMIN, EDITOR, VIEWER, AUDITOR;

    /**
     * The roles named (case and surrounding blanks ignored); {@code InvalidInput} under {@code field} naming the
     * first that is not a role. None (or null) is the empty set.
     */
    public static Set<Role> parseAll(String field, Collection<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names == null ? List.<String>of() : names) {
            try {
                roles.add(valueOf(String.valueOf(name).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of(field, "'" + name + "' is not one of " + List.of(values()));
            }
        }
        return roles;
    }
}
