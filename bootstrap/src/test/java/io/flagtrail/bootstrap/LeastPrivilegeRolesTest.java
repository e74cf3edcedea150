package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.cli.Cli;
import io.flagtrail.testsupport.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/postgres/least-privilege.sql on a real PostgreSQL: the owner migrates, the runtime role then works through
 * the real use cases (a feature created, sealed and verified) but cannot disable the ledger's trigger, skip triggers
 * with session_replication_role, read a signing key, or truncate a table.
 */
class LeastPrivilegeRolesTest {

    @Test
    void the_runtime_role_serves_but_cannot_tamper_with_the_ledger_or_read_the_keys() throws Exception {
        Assumptions.assumeTrue(onPath("psql"), "psql is needed to run the role script (CI installs it)");
        var target = TestDatabase.postgres();
        String schema = target.url().replaceAll(".*currentSchema=([a-z0-9_]+).*", "$1");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "ft_owner_" + suffix;
        String app = "ft_app_" + suffix;
        try {
            runScript(target, schema, owner, app);
            assertEquals(0, cli(target, owner, Map.of(), "db", "migrate"), "the owner migrates");
            runScript(target, schema, owner, app);

            Map<String, Object> appSettings = Map.of("flyway.datasources.default.enabled", false,
                    "flagtrail.ledger.signing-key", ledgerKey(),
                    "auth.jwt.secret", "a-runtime-role-test-secret-of-enough-length-123456");
            assertEquals(0, cli(target, app, appSettings, "features", "create", "--key", "least-" + suffix, "--name", "N"),
                    "the runtime role creates a feature with its audit entry and event");
            assertEquals(0, cli(target, app, appSettings, "audit", "verify"), "and seals and verifies the ledger");

            try (var connection = DriverManager.getConnection(target.url(), app, "")) {
                // ledger partitions at the end, through the owner's function (ADR 0011): that, and no other table
                try (var statement = connection.createStatement();
                     var added = statement.executeQuery("SELECT flagtrail_ensure_ledger_partitions(1000000000, 1000000000)")) {
                    added.next();
                    assertEquals(1, added.getInt(1), "the runtime role makes room through the function");
                }
                for (var forbidden : List.of("ALTER TABLE audit_entries DISABLE TRIGGER ALL",
                        "ALTER TABLE audit_entries DETACH PARTITION audit_entries_p0",
                        "CREATE TABLE sneaky PARTITION OF audit_entries FOR VALUES FROM (2000000000) TO (2000000100)",
                        "ALTER TABLE audit_pending DISABLE TRIGGER ALL",
                        "SET session_replication_role = replica", "SELECT * FROM server_secrets",
                        "TRUNCATE login_throttle", "DROP TABLE features", "CREATE TABLE sneaky (x int)")) {
                    try (var statement = connection.createStatement()) {
                        statement.execute(forbidden);
                        throw new AssertionError("the runtime role could: " + forbidden);
                    } catch (SQLException refused) {
                        assertTrue(refused.getMessage().contains("must be owner") || refused.getMessage().contains("denied"),
                                forbidden + ": " + refused.getMessage());
                    }
                }
            }
        } finally {
            TestDatabase.execute(target, "DROP OWNED BY " + owner + ", " + app + " CASCADE");
            TestDatabase.execute(target, "DROP ROLE IF EXISTS " + app);
            TestDatabase.execute(target, "DROP ROLE IF EXISTS " + owner);
        }
    }

    private static int cli(TestDatabase.Target target, String user, Map<String, Object> settings, String... args) {
        var properties = new HashMap<String, Object>(target.properties());
        properties.put("datasources.default.username", user);
        properties.put("datasources.default.password", "");
        properties.putAll(settings);
        var err = new StringWriter();
        int exit = Cli.run(args, () -> CliMain.context(properties), new io.flagtrail.application.service.audit.VerifyBundleService(),
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        if (exit != 0) {
            System.err.println(String.join(" ", args) + " as " + user + ": " + err);
        }
        return exit;
    }

    private static void runScript(TestDatabase.Target target, String schema, String owner, String app) throws Exception {
        var url = URI.create(target.url().substring("jdbc:".length()));
        var psql = new ProcessBuilder("psql", "-q", "-h", url.getHost(), "-p", String.valueOf(url.getPort()),
                "-U", target.user(), "-d", url.getPath().substring(1), "-v", "owner=" + owner, "-v", "app=" + app,
                "-v", "schema=" + schema, "-f", Path.of("..", "deploy", "postgres", "least-privilege.sql").toString())
                .redirectErrorStream(true);
        if (target.password() != null && !target.password().isEmpty()) {
            psql.environment().put("PGPASSWORD", target.password());
        }
        var process = psql.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
    }

    private static String ledgerKey() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("Ed25519");
        return java.util.Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
