package io.flagtrail.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/** The last resort for a test PostgreSQL: a container, only when a Docker engine answers. */
final class Containers {

    private static PostgreSQLContainer<?> postgres;

    private Containers() {
    }

    static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static synchronized TestDatabase.Target startPostgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer<>("postgres:16-alpine");
            postgres.start();
        }
        return new TestDatabase.Target(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(), "POSTGRES");
    }
}
