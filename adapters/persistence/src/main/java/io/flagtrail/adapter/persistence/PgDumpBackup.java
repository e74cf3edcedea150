package io.flagtrail.adapter.persistence;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code DATABASE_BACKUP_DIR} set, dumps a PostgreSQL database with {@code pg_dump} (custom format, restore with
 * {@code pg_restore}) just before the first pending migration is applied, at startup or through {@code flagtrail db
 * migrate}. Nothing pending, nothing dumped. No pg_dump on the machine: a warning, and the migration goes on (the
 * backup is optional); pg_dump failing: the migration is refused, since the operator asked for a backup first.
 */
@Singleton
final class PgDumpBackup implements Callback {

    private static final Logger LOG = LoggerFactory.getLogger(PgDumpBackup.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final String directory;
    private final String pgDump;
    private final String url;
    private final String user;
    private final String password;
    private final AtomicBoolean dumpedThisRun = new AtomicBoolean();

    PgDumpBackup(@Nullable @Value("${flagtrail.database.backup-dir:}") String directory,
                 @Value("${flagtrail.database.pg-dump:pg_dump}") String pgDump,
                 @Value("${datasources.default.url:}") String url,
                 @Nullable @Value("${datasources.default.username:}") String user,
                 @Nullable @Value("${datasources.default.password:}") String password) {
        this.directory = directory == null ? "" : directory.strip();
        this.pgDump = pgDump;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_MIGRATE) {
            dumpedThisRun.set(false); // a new migrate run: dump again before its first migration
            return;
        }
        if (directory.isEmpty() || !url.startsWith("jdbc:postgresql://") || !dumpedThisRun.compareAndSet(false, true)) {
            return;
        }
        String version = context.getMigrationInfo() == null ? "pending" : String.valueOf(context.getMigrationInfo().getVersion());
        dump("before-V" + version);
    }

    @Override
    public String getCallbackName() {
        return "pg_dump backup";
    }

    /** Runs pg_dump into the directory; the file's name says when and before which migration. */
    private void dump(String label) {
        Path file = Path.of(directory).resolve("flagtrail-" + STAMP.format(Instant.now()) + "-" + label + ".dump");
        var target = Target.of(url, user, password);
        var command = new ArrayList<>(List.of(pgDump, "--format=custom", "--no-password", "--file=" + file,
                "--host=" + target.host(), "--port=" + target.port(), "--username=" + target.user()));
        if (target.schema() != null) {
            command.add("--schema=" + target.schema());
        }
        command.add(target.database());
        Path log = file.resolveSibling(file.getFileName() + ".log");
        Process process;
        try {
            Files.createDirectories(file.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (target.password() != null && !target.password().isEmpty()) {
                builder.environment().put("PGPASSWORD", target.password());
            }
            process = builder.start();
        } catch (IOException cannotRun) {
            if (!Files.isDirectory(file.getParent())) {
                throw new IllegalStateException("DATABASE_BACKUP_DIR " + directory + " cannot be created: "
                        + cannotRun.getMessage(), cannotRun);
            }
            LOG.warn("DATABASE_BACKUP_DIR is set but {} cannot be run ({}); migrating without a backup", pgDump,
                    cannotRun.getMessage());
            return;
        }
        try {
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("pg_dump failed (see " + log + "); not migrating without the backup "
                        + "DATABASE_BACKUP_DIR asks for");
            }
            Files.deleteIfExists(log);
            LOG.info("backed up the database before migrating: {} ({} bytes)", file, Files.size(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the backup " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing up", e);
        }
    }

    /** Where pg_dump connects, from the JDBC URL (user and schema may be URL parameters). */
    record Target(String host, int port, String database, String user, String password, String schema) {

        static Target of(String jdbcUrl, String configuredUser, String configuredPassword) {
            var uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String user = configuredUser;
            String password = configuredPassword;
            String schema = null;
            if (uri.getRawQuery() != null) {
                for (var pair : uri.getRawQuery().split("&")) {
                    var kv = pair.split("=", 2);
                    if (kv.length == 2 && kv[0].equals("user") && (user == null || user.isEmpty())) {
                        user = kv[1];
                    }
                    if (kv.length == 2 && kv[0].equals("password") && (password == null || password.isEmpty())) {
                        password = kv[1];
                    }
                    if (kv.length == 2 && kv[0].equals("currentSchema")) {
                        schema = kv[1];
                    }
                }
            }
            return new Target(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
                    user == null || user.isEmpty() ? "postgres" : user, password, schema);
        }
    }
}
