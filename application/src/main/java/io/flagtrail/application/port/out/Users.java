package io.flagtrail.application.port.out;

import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import java.time.Instant;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.actor.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where users live; e-mail look-ups ignore case. */
public interface Users {

    Optional<User> findByEmail(Email email);

    Optional<User> findById(UUID id);

    /** Stores a new user; throws {@code Conflict} with code {@code user.email_taken} when the e-mail is in use. */
    void add(User user);

    long count();

    void recordLogin(UUID id, Instant at, String passwordHash);

    /** Stores the user's changed status, roles or password hash (never e-mail or id). */
    void update(User user);

    /** By e-mail, a page of {@code limit} after {@code cursor}. */
    Page<User> list(int limit, String cursor);

    /**
     * Users holding a grant in this project (in any of its environments, or in all): those whose grants a deletion of
     * the project or one of its environments must revoke. May answer more; never fewer.
     */
    List<User> withGrantsIn(ProjectKey project);

    /** Active users holding this role (to refuse removing the last administrator). */
    long countActiveWith(Role role);
}
