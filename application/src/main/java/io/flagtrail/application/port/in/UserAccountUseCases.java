package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import java.util.Set;
import java.util.UUID;

/** Administering users (ADMIN) and one's own account (any user); one service serves both. */
public final class UserAccountUseCases {

    private UserAccountUseCases() {
    }

    /** A new user; the password is a char array so that it can be wiped after use. */
    /** A new account: global roles, grants in projects or environments, or both (at least one of either). */
    public record CreateUserCommand(String email, String displayName, Set<Role> roles, Set<Grant> grants,
                                    char[] password, Origin origin) {
        public CreateUserCommand {
            grants = grants == null ? Set.of() : Set.copyOf(grants);
        }

        @Override
        public String toString() {
            return "CreateUserCommand[email=" + email + ", roles=" + roles + ", grants=" + grants + ", password=***]";
        }
    }

    public interface ManageUsersUseCase {
        User create(CreateUserCommand command);

        Page<User> list(int limit, String cursor);

        User get(UUID id);

        /** The user with this e-mail (any case). */
        User byEmail(String email);

        /** Sets the user's roles; each role added or removed is recorded. The last active ADMIN keeps the role. */
        User changeRoles(UUID id, Set<Role> roles, Origin origin);

        /**
         * Replaces the user's grants in projects and environments; each grant added or removed is recorded. Every
         * grant names a project (and environment) that exists, else 404 naming which.
         */
        User changeGrants(UUID id, Set<Grant> grants, Origin origin);

        /** Disables the user and ends every session at once. The last active ADMIN cannot be disabled. */
        User disable(UUID id, Origin origin);

        User enable(UUID id, Origin origin);

        /** Sets a new password chosen by an administrator and ends every session of the user. */
        User resetPassword(UUID id, char[] password, Origin origin);
    }

    public interface MyAccountUseCase {
        User me(UUID id);

        /** Changes one's own password (the current one is required) and ends every session. */
        User changePassword(UUID id, char[] currentPassword, char[] newPassword, Origin origin);
    }
}
