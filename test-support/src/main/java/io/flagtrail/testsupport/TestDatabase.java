package io.flagtrail.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Databases for tests. PostgreSQL is found in this order: {@code TEST_DATABASE_URL} (CI sets it), a server on
 * 127.0.0.1:5432 that accepts the {@code postgres} user, Testcontainers when a Docker engine answers; else the
 * test fails saying how to provide one. Every call hands out a schema of its own, dropped when the JVM exits,
 * so that runs and test classes never see each other's rows. H2 databases are in-memory or in a temp directory.
 */
public final class TestDatabase {

    /** How to reach one test database. */
    public record Target(String url, String user, String password, String dialect) {

        /**
         * The Micronaut properties that point the default datasource here, and the file witness at a directory of
         * this database's own (the same for every context on it): a witness shared by two databases would hold
         * checkpoints one of them never signed, and the ledger would rightly halt as diverged.
         */
        public Map<String, Object> properties() {
            var props = new HashMap<String, Object>();
            props.put("flagtrail.ledger.witness.file.path", witnessDirectory().toString());
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", user);
            props.put("datasources.default.password", password);
            props.put("datasources.default.dialect", dialect);
            return props;
        }

        /** The file witness's directory for this database. */
        public Path witnessDirectory() {
            return Path.of(System.getProperty("java.io.tmpdir"),
                    "flagtrail-witness-" + UUID.nameUUIDFromBytes(url.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }

        public boolean isPostgres() {
            return "POSTGRES".equals(dialect);
        }
    }

    private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static Target server;

    private TestDatabase() {
    }

    /** A fresh, empty schema on the test PostgreSQL server. */
    public static synchronized Target postgres() {
        if (server == null) {
            server = findServer();
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(server, "CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(server, schema)));
        String separator = server.url().contains("?") ? "&" : "?";
        return new Target(server.url() + separator + "currentSchema=" + schema, server.user(), server.password(),
                "POSTGRES");
    }

    /** A fresh H2 file database in PostgreSQL mode, as the embedded default runs. */
    public static Target h2() {
        try {
            Path dir = Files.createTempDirectory("flagtrail-h2-");
            dir.toFile().deleteOnExit();
            return new Target("jdbc:h2:file:" + dir.resolve("flagtrail")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "", "H2");
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot make a temp directory for H2", e);
        }
    }

    /** Runs one statement as the test user (for tests that must act as the database owner). */
    public static void execute(Target target, String sql) {
        try (var connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run on the test database: " + sql, e);
        }
    }

    private static Target findServer() {
        String configured = System.getenv("TEST_DATABASE_URL");
        String user = envOr("TEST_DATABASE_USER", "postgres");
        String password = envOr("TEST_DATABASE_PASSWORD", "");
        if (configured != null && !configured.isBlank()) {
            var target = new Target(configured, user, password, "POSTGRES");
            if (!answers(target)) {
                throw new IllegalStateException("TEST_DATABASE_URL is set to " + configured + " but no PostgreSQL answers there");
            }
            return target;
        }
        var local = new Target(LOCAL_URL, user, password, "POSTGRES");
        if (answers(local)) {
            return local;
        }
        if (Containers.dockerAnswers()) {
            return Containers.startPostgres();
        }
        throw new IllegalStateException("These tests need PostgreSQL. Set TEST_DATABASE_URL (e.g. "
                + "jdbc:postgresql://127.0.0.1:5432/test with TEST_DATABASE_USER), run one on 127.0.0.1:5432 that "
                + "accepts the postgres user, or start a Docker engine for Testcontainers.");
    }

    private static boolean answers(Target target) {
        DriverManager.setLoginTimeout(3);
        try (var connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
            return connection.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropQuietly(Target target, String schema) {
        try {
            execute(target, "DROP SCHEMA IF EXISTS " + schema.toLowerCase(Locale.ROOT) + " CASCADE");
        } catch (RuntimeException ignored) {
            // best effort at exit: CI drops the whole database anyway
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
