package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.adapter.cli.Cli;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real CLI commands, in process, on a real database (PostgreSQL and H2 by the subclasses): each run opens the
 * application context as the jar's CLI does, on the same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CliTest {

    record Run(int exit, String out, String err) {
        Map<String, Object> json() {
            return parse(out, Argument.mapOf(String.class, Object.class));
        }

        /** A plain JSON array, or the items of a page ({@code {"items", "nextCursor"}}). */
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list() {
            if (out.stripLeading().startsWith("{")) {
                return (List<Map<String, Object>>) json().get("items");
            }
            return parse(out, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }

        private <T> T parse(String text, Argument<T> type) {
            try {
                return JsonMapper.createDefault().readValue(text, type);
            } catch (java.io.IOException e) {
                throw new AssertionError("not JSON: " + text + " / " + err, e);
            }
        }
    }

    final TestDatabase.Target database = database();
    Path dir;

    abstract TestDatabase.Target database();

    @BeforeAll
    void workingDirectory() throws Exception {
        dir = Files.createTempDirectory("flagtrail-cli-");
    }

    Run cli(String... args) {
        return cli(Map.of(), args);
    }

    Run cli(Map<String, Object> settings, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var properties = new HashMap<String, Object>(database.properties());
        properties.putAll(settings);
        properties.put("flagtrail.events.path", dir.resolve("events").toString());
        int exit = Cli.run(args, () -> CliMain.context(properties), new io.flagtrail.application.service.audit.VerifyBundleService(),
                new PrintWriter(out), new PrintWriter(err));
        return new Run(exit, out.toString(), err.toString());
    }

    static String key() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Path file(String content) throws Exception {
        var file = Files.createTempFile(dir, "input", ".json");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void a_feature_created_changed_and_read_from_the_cli_is_audited_with_actor_type_cli() {
        String key = key();
        var created = cli("features", "create", "--key", key, "--name", "From the CLI", "--tags", "a,b", "--reason", "ops");
        assertEquals(0, created.exit(), created.err());
        assertEquals(1, ((Number) created.json().get("version")).intValue());

        assertEquals(0, cli("features", "update", key, "--rollout", "25", "--if-version", "1").exit());
        assertEquals(0, cli("features", "enable", key, "--reason", "launch").exit());
        var read = cli("features", "get", key);

        assertEquals(true, read.json().get("enabled"));
        assertEquals(25, ((Number) read.json().get("rolloutPercentage")).intValue());
        var history = cli("features", "history", key).list();
        assertEquals(List.of("FEATURE_ENABLED", "FEATURE_UPDATED", "FEATURE_CREATED"),
                history.stream().map(e -> e.get("action")).toList());
        String user = System.getProperty("user.name");
        assertTrue(history.stream().allMatch(e -> ("cli:" + user).equals(e.get("actor")) && "CLI".equals(e.get("channel"))),
                history.toString());
        var entries = cli("audit", "list", "--subject-key", key, "--action", "FEATURE_CREATED").list();
        assertEquals("ops", entries.getFirst().get("reason"));
    }

    @Test
    void project_and_env_choose_the_state_read_and_changed_and_default_to_default_production() {
        String key = key();
        var created = cli("features", "create", "--key", key, "--name", "Per environment", "--enabled",
                "--env", "development");
        assertEquals(0, created.exit(), created.err());
        assertEquals(true, created.json().get("enabled"));
        assertEquals("development", created.json().get("environment"));

        assertEquals(false, cli("features", "get", key).json().get("enabled"), "production: off");
        assertEquals(false, cli("features", "get", key, "--project", "default", "--env", "production").json()
                .get("enabled"));
        assertEquals(0, cli("features", "update", key, "--rollout", "20", "--env", "development").exit());
        var inDevelopment = cli("features", "get", key, "--env", "development").json();
        assertEquals(20, ((Number) inDevelopment.get("rolloutPercentage")).intValue());
        assertEquals(100, ((Number) cli("features", "get", key).json().get("rolloutPercentage")).intValue());
        assertEquals(List.of("FEATURE_UPDATED", "FEATURE_CREATED"), cli("features", "history", key, "--env",
                "development").list().stream().map(e -> e.get("action")).toList());

        var noProject = cli("features", "list", "--project", "nope");
        assertEquals(3, noProject.exit());
        assertTrue(noProject.err().contains("'nope'"), noProject.err());
        var noEnvironment = cli("features", "get", key, "--env", "staging");
        assertEquals(3, noEnvironment.exit());
        assertTrue(noEnvironment.err().contains("'staging'"), noEnvironment.err());
        assertEquals(2, cli("features", "list", "--env", "Bad.Env").exit(), "not a key: invalid input");
    }

    @Test
    void what_the_cli_wrote_is_sealed_before_it_exits_and_verifies() {
        cli("features", "create", "--key", key(), "--name", "Sealed");
        var report = cli("audit", "verify");
        assertEquals(0, report.exit(), report.out() + report.err());
        assertEquals(true, report.json().get("verified"));
        var status = cli("status").json();
        assertEquals(0, ((Number) status.get("unsealed")).intValue());
        assertTrue(((String) status.get("database")).contains(database.isPostgres() ? "PostgreSQL" : "H2"));
    }

    @Test
    void the_cli_proves_an_entry_and_an_extension_against_the_signed_roots() {
        cli("features", "create", "--key", key(), "--name", "Proved");
        cli("features", "create", "--key", key(), "--name", "Proved too");

        var inclusion = cli("audit", "prove-inclusion", "--position", "1");
        assertEquals(0, inclusion.exit(), inclusion.err());
        var proof = inclusion.json();
        long size = ((Number) proof.get("size")).longValue();
        @SuppressWarnings("unchecked")
        var checkpoint = (Map<String, Object>) proof.get("checkpoint");
        var hex = java.util.HexFormat.of();
        assertTrue(io.flagtrail.domain.ledger.MerkleTree.verifyInclusion(hex.parseHex((String) proof.get("leafHash")), 0,
                size, ((List<?>) proof.get("path")).stream().map(h -> hex.parseHex((String) h)).toList(),
                hex.parseHex((String) checkpoint.get("rootHash"))), proof.toString());
        var consistency = cli("audit", "prove-consistency", "--from", "1");
        assertEquals(0, consistency.exit(), consistency.err());
        var refused = cli("audit", "prove-inclusion", "--position", "0");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("position"), refused.err());
    }

    @Test
    void invalid_json_unknown_fields_and_invalid_values_name_the_field_exit_non_zero_and_write_nothing()
            throws Exception {
        String key = key();
        var malformed = cli("features", "create", "-f", file("{\"key\": \"" + key + "\", ").toString());
        var unknown = cli("features", "create", "-f", file("{\"key\":\"" + key + "\",\"name\":\"N\",\"colour\":\"red\"}").toString());
        var invalid = cli("features", "create", "-f",
                file("{\"key\":\"" + key + "\",\"name\":\"N\",\"rolloutPercentage\":150}").toString());
        var wrongType = cli("features", "create", "-f",
                file("{\"key\":\"" + key + "\",\"name\":\"N\",\"rolloutPercentage\":\"most\"}").toString());

        assertEquals(2, malformed.exit());
        assertTrue(malformed.err().contains("invalid JSON"), malformed.err());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("colour"), unknown.err());
        assertEquals(2, invalid.exit());
        assertTrue(invalid.err().contains("rolloutPercentage"), invalid.err());
        assertEquals(2, wrongType.exit());
        assertTrue(wrongType.err().contains("rolloutPercentage"), wrongType.err());
        assertEquals(3, cli("features", "get", key).exit(), "nothing was written");
    }

    @Test
    void a_batch_import_is_all_or_nothing_with_a_result_per_item() throws Exception {
        String a = key();
        String b = key();
        String taken = key();
        cli("features", "create", "--key", taken, "--name", "Taken");

        var refused = cli("features", "import", "-f", file("[{\"key\":\"" + a + "\",\"name\":\"A\"},"
                + "{\"key\":\"" + taken + "\",\"name\":\"T\"},{\"key\":\"" + a + "\",\"name\":\"A again\"}]").toString());
        assertEquals(4, refused.exit(), refused.err());
        var items = (List<?>) refused.json().get("items");
        assertEquals(List.of("NOT_IMPORTED", "KEY_TAKEN", "DUPLICATE_IN_BATCH"),
                items.stream().map(i -> ((Map<?, ?>) i).get("outcome")).toList());
        assertEquals(3, cli("features", "get", a).exit(), "nothing of a refused batch is written");

        var invalid = cli("features", "import", "-f", file("[{\"key\":\"" + a + "\",\"name\":\"\"},"
                + "{\"key\":\"" + b + "\",\"name\":\"B\"}]").toString());
        assertEquals(2, invalid.exit());
        assertEquals(false, invalid.json().get("imported"), "the documented object, refused or not: " + invalid.out());
        assertEquals(List.of("INVALID", "NOT_IMPORTED"), ((List<?>) invalid.json().get("items")).stream()
                .map(i -> ((Map<?, ?>) i).get("outcome")).toList());
        assertTrue(invalid.out().contains("name"), invalid.out());

        var imported = cli("features", "import", "-f", file("[{\"key\":\"" + a + "\",\"name\":\"A\"},"
                + "{\"key\":\"" + b + "\",\"name\":\"B\",\"enabled\":true}]").toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(true, imported.json().get("imported"));
        assertEquals(true, cli("features", "get", b).json().get("enabled"));
    }

    @Test
    void export_writes_what_import_reads() throws Exception {
        String key = key();
        cli("features", "create", "--key", key, "--name", "Round trip", "--owner", "team");
        var exported = cli("features", "export");
        assertEquals(0, exported.exit());
        var mine = exported.list().stream().filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow();
        assertEquals("team", mine.get("owner"));
        assertFalse(mine.containsKey("version"), "the export is the import format, without bookkeeping");
    }

    @Test
    void targeting_goes_in_with_create_and_update_and_out_with_export() throws Exception {
        String key = key();
        var created = cli("features", "create", "-f", file("{\"key\":\"" + key + "\",\"name\":\"Limits\","
                + "\"variants\":{\"low\":10,\"high\":100},\"defaultVariant\":\"low\",\"offVariant\":\"low\"}").toString());
        var wrongShape = cli("features", "update", key, "-f", file("{\"rules\":{\"attribute\":\"plan\"}}").toString());
        var badRule = cli("features", "update", key, "-f", file("{\"rules\":[{\"attribute\":\"plan\","
                + "\"operator\":\"in\",\"values\":[\"pro\"],\"variant\":\"huge\"}]}").toString());
        var ruled = cli("features", "update", key, "-f", file("{\"rules\":[{\"attribute\":\"plan\","
                + "\"operator\":\"in\",\"values\":[\"pro\"],\"variant\":\"high\"}],\"reason\":\"pros get more\"}").toString());

        assertEquals(0, created.exit(), created.err());
        assertEquals(java.util.Map.of("low", 10, "high", 100), created.json().get("variants"));
        assertEquals(2, wrongShape.exit());
        assertTrue(wrongShape.err().contains("'rules' must be an array"), wrongShape.err());
        assertEquals(2, badRule.exit());
        assertTrue(badRule.err().contains("rules[0].variant"), badRule.err());
        assertEquals(0, ruled.exit(), ruled.err());
        assertEquals(2, ((Number) ruled.json().get("version")).intValue());
        var exported = cli("features", "export").list().stream().filter(f -> key.equals(f.get("key"))).findFirst().orElseThrow();
        assertEquals("high", ((java.util.Map<?, ?>) ((List<?>) exported.get("rules")).getFirst()).get("variant"));
        assertEquals("low", exported.get("defaultVariant"));
    }

    @Test
    void in_a_protected_environment_the_cli_changes_nothing_directly_and_proposes_a_change_request() {
        String project = "cli" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(0, cli("features", "list").exit(), "the schema is migrated");
        var projectId = UUID.randomUUID();
        TestDatabase.execute(database, "INSERT INTO projects (id, project_key, name, description, owner, version, "
                + "created_at, created_by, updated_at, updated_by) VALUES ('" + projectId + "', '" + project
                + "', 'P', '', NULL, 1, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')");
        TestDatabase.execute(database, "INSERT INTO environments (id, project_id, env_key, name, env_type, sort_order, "
                + "required_approvals, approver_roles, approver_users, author_may_approve, break_glass_roles, version, "
                + "created_at, created_by, updated_at, updated_by) VALUES ('" + UUID.randomUUID() + "', '" + projectId
                + "', 'production', 'Production', 'PRODUCTION', 0, 1, 'EDITOR', '', FALSE, '', 1, CURRENT_TIMESTAMP, "
                + "'test', CURRENT_TIMESTAMP, 'test')");
        String key = key();
        var created = cli("features", "create", "--key", key, "--name", "N", "--project", project);
        assertEquals(0, created.exit(), "created switched off: " + created.err());

        var direct = cli("features", "enable", key, "--project", project, "--reason", "now");
        assertEquals(4, direct.exit(), direct.out());
        assertTrue(direct.err().contains("approved change request"), direct.err());

        var proposed = cli("change-requests", "propose", "--project", project, "--title", "Launch", "--feature", key,
                "--enabled", "true");
        assertEquals(0, proposed.exit(), proposed.err());
        assertEquals("SUBMITTED", proposed.json().get("state"));
        assertEquals("cli:" + System.getProperty("user.name"), proposed.json().get("author"));
        String id = (String) proposed.json().get("id");
        var unapproved = cli("change-requests", "apply", id, "--project", project);
        assertEquals(4, unapproved.exit(), "only an approved request applies: " + unapproved.err());
        assertEquals(List.of(id), cli("change-requests", "list", "--project", project, "--state", "submitted").list()
                .stream().map(r -> r.get("id")).toList());
        assertEquals(false, cli("features", "get", key, "--project", project).json().get("enabled"));
        assertEquals(0, cli("change-requests", "withdraw", id, "--project", project, "--reason", "wrong day").exit());
    }

    @Test
    void usage_errors_exit_2_and_conflicts_exit_4_and_formats_change_the_output() {
        assertEquals(2, cli("features", "frobnicate").exit());
        assertEquals(2, cli("features").exit());
        assertEquals(0, cli("--help").exit());
        String key = key();
        cli("features", "create", "--key", key, "--name", "N");
        assertEquals(4, cli("features", "update", key, "--name", "M", "--if-version", "7").exit());
        assertEquals(4, cli("features", "create", "--key", key, "--name", "N").exit());
        var table = cli("features", "get", key, "--format", "table");
        assertTrue(table.out().startsWith("key"), table.out());
        var text = cli("--format", "text", "features", "get", key);
        assertTrue(text.out().contains("key: " + key), text.out());
        assertEquals(2, cli("features", "get", key, "--format", "yaml").exit());
        assertTrue(table.out().lines().allMatch(line -> line.length() <= 160), "a table a terminal can show: " + table.out());
        assertTrue(cli("-V").out().matches("flagtrail \\d+\\.\\d+\\.\\d+.*\\s*"), "the build's version");
    }

    @Test
    void every_list_prints_the_cursor_of_its_next_page_and_the_next_page_follows_on() {
        for (int i = 0; i < 3; i++) {
            cli("features", "create", "--key", key(), "--name", "Paged");
        }
        var first = cli("features", "list", "--limit", "2");
        String cursor = (String) first.json().get("nextCursor");
        assertEquals(2, first.list().size());
        assertTrue(cursor != null && !cursor.isBlank(), first.out());
        var second = cli("features", "list", "--limit", "2", "--cursor", cursor);
        assertTrue(second.list().stream().noneMatch(first.list()::contains), "the next page, not the first again");
        var table = cli("features", "list", "--limit", "2", "--format", "table");
        assertTrue(table.out().contains("more: --cursor " + cursor), table.out());
        for (var list : List.of(List.of("audit", "list", "--limit", "1"), List.of("users", "list", "--limit", "1"))) {
            var page = cli(list.toArray(String[]::new));
            assertTrue(page.json().containsKey("nextCursor"), list + ": " + page.out());
        }
    }

    @Test
    void events_list_reads_the_database_event_log_and_says_so_when_it_is_off() {
        String key = key();
        var withLog = Map.<String, Object>of("flagtrail.events.storage", "fs,db");
        assertEquals(0, cli(withLog, "features", "create", "--key", key, "--name", "Logged").exit());
        var properties = new HashMap<String, Object>(database.properties());
        properties.putAll(withLog);
        properties.put("flagtrail.events.path", dir.resolve("events").toString());
        try (var context = CliMain.context(properties)) { // a server's relay delivers; here one round does
            var dispatch = context.getBean(io.flagtrail.application.port.in.DispatchEventsUseCase.class);
            dispatch.registerHandlers();
            dispatch.stampPending();
            while (dispatch.deliver("database").delivered() > 0) {
                // until the handler has everything
            }
        }

        var listed = cli(withLog, "events", "list", "--aggregate-key", key);
        assertEquals(0, listed.exit(), listed.err());
        assertEquals(List.of("FeatureCreated", "FeatureCreated"), listed.list().stream().map(e -> e.get("type")).toList(),
                "created in development and in production");
        var off = cli(Map.of("flagtrail.events.storage", "fs"), "events", "list");
        assertEquals(3, off.exit());
        assertTrue(off.err().contains("EVENTS_STORAGE"), off.err());
    }

    @Test
    void taking_admin_from_the_last_administrator_is_a_conflict_even_when_it_is_their_only_role() {
        String email = "last-admin-" + UUID.randomUUID() + "@example.com";
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a long cli passphrase\n".getBytes()));
            assertEquals(0, cli("users", "create", "--email", email, "--roles", "admin").exit());
        } finally {
            System.setIn(stdin);
        }
        var admins = cli("users", "list", "--limit", "500").list().stream()
                .filter(u -> ((List<?>) u.get("roles")).contains("ADMIN") && "ACTIVE".equals(u.get("status")))
                .map(u -> (String) u.get("email")).filter(e -> !e.equals(email)).toList();
        admins.forEach(other -> cli("users", "disable", other));
        var refused = cli("users", "revoke", email, "admin");
        assertEquals(4, refused.exit(), refused.err());
        assertTrue(refused.err().contains("user.last_admin"), refused.err());
        admins.forEach(other -> cli("users", "enable", other));
    }

    @Test
    void grants_in_a_project_or_environment_are_given_and_taken_beside_roles_and_bad_ones_are_named() {
        String email = "grants-" + UUID.randomUUID() + "@example.com";
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a long cli passphrase\n".getBytes()));
            var created = cli("users", "create", "--email", email, "--grants", "EDITOR@default/development");
            assertEquals(0, created.exit(), created.err());
            assertEquals(List.of("EDITOR@default/development"), created.json().get("grants"), "grants alone suffice");
        } finally {
            System.setIn(stdin);
        }

        var granted = cli("users", "grant", email, "VIEWER", "EDITOR@default");
        assertEquals(0, granted.exit(), granted.err());
        assertEquals(List.of("VIEWER"), granted.json().get("roles"));
        assertEquals(List.of("EDITOR@default", "EDITOR@default/development"), granted.json().get("grants"));
        var revoked = cli("users", "revoke", email, "EDITOR@default/development");
        assertEquals(List.of("EDITOR@default"), revoked.json().get("grants"));

        var global = cli("users", "grant", email, "ADMIN@default");
        assertEquals(2, global.exit(), "bad input");
        assertTrue(global.err().contains("global role"), global.err());
        var nowhere = cli("users", "grant", email, "EDITOR@default/nowhere");
        assertEquals(3, nowhere.exit(), nowhere.err());
        assertTrue(nowhere.err().contains("nowhere"), nowhere.err());
    }

    @Test
    void db_info_lists_the_applied_migrations_and_migrate_has_nothing_left_to_do() {
        var info = cli("db", "info").list();
        assertTrue(info.stream().anyMatch(m -> "4".equals(m.get("version")) && "SUCCESS".equals(m.get("state"))), info.toString());
        assertEquals(0, ((Number) cli("db", "migrate").json().get("applied")).intValue());
    }

    /** PostgreSQL: the migration's two partitions of 10,000,000, the head and the room past it; H2: one table. */
    @Test
    void db_partitions_lists_where_sealed_entries_are_stored() {
        var layout = cli("db", "partitions").json();
        boolean postgres = database.url().startsWith("jdbc:postgresql:");
        assertEquals(postgres, layout.get("partitioned"), layout.toString());
        if (postgres) {
            assertEquals("[{from=0, to=9999999}, {from=10000000, to=19999999}]", layout.get("partitions").toString());
            long head = ((Number) layout.get("head")).longValue();
            assertEquals(19_999_999 - head, ((Number) layout.get("room")).longValue(), layout.toString());
            assertEquals(false, layout.get("low"));
        }
    }

    @Test
    void users_are_created_with_the_password_from_stdin_and_administered_by_id_or_email() {
        String email = "cli-user-" + UUID.randomUUID() + "@example.com";
        var stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream("a long cli passphrase\n".getBytes()));
            var created = cli("users", "create", "--email", email, "--roles", "viewer");
            assertEquals(0, created.exit(), created.err());
            assertEquals(List.of("VIEWER"), created.json().get("roles"));
        } finally {
            System.setIn(stdin);
        }
        assertEquals(List.of("EDITOR", "VIEWER"), cli("users", "grant", email, "EDITOR").json().get("roles"));
        assertEquals(List.of("EDITOR"), cli("users", "revoke", email, "viewer").json().get("roles"));
        assertEquals("DISABLED", cli("users", "disable", email).json().get("status"));
        var history = cli("audit", "list", "--subject-key", email).list();
        assertTrue(history.stream().map(e -> e.get("action")).toList()
                .containsAll(List.of("USER_CREATED", "ROLE_GRANTED", "ROLE_REVOKED", "USER_DISABLED")), history.toString());
        assertEquals(3, cli("users", "disable", "nobody-" + UUID.randomUUID() + "@example.com").exit());
    }

    @Test
    void with_auth_required_a_key_with_the_commands_scope_is_needed() {
        var created = cli("api-keys", "create", "--name", "cli-reader", "--scopes", "features:read");
        assertEquals(0, created.exit(), created.err());
        String secret = (String) created.json().get("secret");
        Map<String, Object> required = Map.of("flagtrail.cli.auth-required", "true", "flagtrail.cli.api-key", secret);

        assertEquals(0, cli(required, "features", "list").exit());
        var write = cli(required, "features", "create", "--key", key(), "--name", "N");
        assertEquals(1, write.exit());
        assertTrue(write.err().contains("features:write"), write.err());
        assertEquals(1, cli(required, "users", "list").exit(), "administration needs an administrator");
        assertEquals(1, cli(Map.of("flagtrail.cli.auth-required", "true"), "features", "list").exit(), "no key");
        assertEquals(1, cli(Map.of("flagtrail.cli.auth-required", "true", "flagtrail.cli.api-key", secret + "x"),
                "features", "list").exit(), "a wrong key");

        cli("api-keys", "revoke", (String) created.json().get("id"));
        assertEquals(1, cli(required, "features", "list").exit(), "a revoked key");
    }

    /** As over HTTP (features:write acts as EDITOR, who is also a VIEWER): the scope model is the domain's, once. */
    @Test
    void with_auth_required_a_writing_key_also_reads_and_nothing_more() {
        var created = cli("api-keys", "create", "--name", "cli-writer", "--scopes", "features:write");
        assertEquals(0, created.exit(), created.err());
        Map<String, Object> required = Map.of("flagtrail.cli.auth-required", "true",
                "flagtrail.cli.api-key", (String) created.json().get("secret"));

        assertEquals(0, cli(required, "features", "create", "--key", key(), "--name", "N").exit());
        assertEquals(0, cli(required, "features", "list").exit());
        var audit = cli(required, "audit", "list");
        assertEquals(1, audit.exit());
        assertTrue(audit.err().contains("audit:read"), audit.err());
    }
}
