package io.flagtrail.bootstrap;

import io.flagtrail.application.port.out.PasswordHasher;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.flagtrail.domain.user.UserStatus;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.TestInstance;

/**
 * A system test that needs settings of its own (small limits), so runs its own server on a fresh PostgreSQL
 * database; subclasses are {@code @MicronautTest(transactional = false)} and name their settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OwnServerSystemTest implements TestPropertyProvider {

    static final String PASSWORD = "a-long-user-password";

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;
    @Inject Users users;
    @Inject PasswordHasher hasher;

    /** The settings this test changes from the defaults. */
    abstract Map<String, String> settings();

    @Override
    public Map<String, String> getProperties() {
        var props = StandaloneProperties.on(TestDatabase.postgres());
        props.putAll(settings());
        return props;
    }

    Api api() {
        return new Api(server.getURI(), json);
    }

    /** Adds an active user with {@link #PASSWORD} and the given role; returns their email. */
    String addUser(String prefix, Role role) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        users.add(new User(UUID.randomUUID(), new Email(email), prefix, hasher.hash(PASSWORD.toCharArray()),
                Set.of(role), Set.of(), UserStatus.ACTIVE, Instant.now(), null));
        return email;
    }
}
