package io.flagtrail.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The optional pg_dump backup before migrating, on a real PostgreSQL: a dump (pg_restore's custom format) is written
 * before the first pending migration, none when nothing is pending, and without pg_dump the migration still runs.
 */
class PgDumpBackupTest {

    @Test
    void a_dump_is_written_before_pending_migrations_and_none_when_nothing_is_pending() throws Exception {
        var database = TestDatabase.postgres();
        var backups = Files.createTempDirectory("flagtrail-backups-");

        try (var context = ApplicationContext.run(settings(database, backups, "pg_dump"))) {
            assertTrue(context.getBean(Sql.class).postgres());
        }
        var dumps = dumps(backups);
        assertEquals(1, dumps.size(), dumps.toString());
        assertTrue(dumps.getFirst().getFileName().toString().contains("-before-V1"), dumps.toString());
        var magic = new byte[5];
        try (var in = Files.newInputStream(dumps.getFirst())) {
            assertEquals(5, in.read(magic));
        }
        assertEquals("PGDMP", new String(magic), "pg_dump's custom format");

        try (var again = ApplicationContext.run(settings(database, backups, "pg_dump"))) {
            assertEquals(1, dumps(backups).size(), "nothing pending, nothing dumped");
        }
    }

    @Test
    void without_pg_dump_the_migration_runs_with_a_warning() throws Exception {
        var database = TestDatabase.postgres();
        var backups = Files.createTempDirectory("flagtrail-backups-");

        try (var context = ApplicationContext.run(settings(database, backups, "/nonexistent/pg_dump"))) {
            // fails unless the migrations created the table in this test's own schema
            long features = context.getBean(Sql.class).lookUp("SELECT COUNT(*) FROM features", List.of(),
                    rs -> rs.next() ? rs.getLong(1) : -1L);
            assertEquals(0, features, "migrated");
        }
        assertEquals(List.of(), dumps(backups));
    }

    @Test
    void the_connection_comes_from_the_jdbc_url_and_its_parameters() {
        var target = PgDumpBackup.Target.of("jdbc:postgresql://db.internal:6543/flagtrail?user=app&password=s3cret"
                + "&currentSchema=t_1", "", "");

        assertEquals(new PgDumpBackup.Target("db.internal", 6543, "flagtrail", "app", "s3cret", "t_1"), target);
        assertEquals("owner", PgDumpBackup.Target.of("jdbc:postgresql://h/db", "owner", "pw").user());
        assertEquals(5432, PgDumpBackup.Target.of("jdbc:postgresql://h/db", "owner", "pw").port());
    }

    private static Map<String, Object> settings(TestDatabase.Target database, Path backups, String pgDump) {
        var props = new HashMap<String, Object>(database.properties());
        props.put("flyway.datasources.default.enabled", "true");
        props.put("flagtrail.database.backup-dir", backups.toString());
        props.put("flagtrail.database.pg-dump", pgDump);
        return props;
    }

    private static List<Path> dumps(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".dump")).sorted().toList();
        }
    }
}
