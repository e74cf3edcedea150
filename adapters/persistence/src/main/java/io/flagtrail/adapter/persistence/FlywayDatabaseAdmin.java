package io.flagtrail.adapter.persistence;

import io.flagtrail.application.port.model.Migration;
import io.flagtrail.application.port.out.DatabaseAdmin;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Flyway over the configured datasource, with the same per-vendor migration locations as at startup. */
@Singleton
final class FlywayDatabaseAdmin implements DatabaseAdmin {

    private final DataSource dataSource;
    private final Sql sql;
    private final PgDumpBackup backup;

    FlywayDatabaseAdmin(DataSource dataSource, Sql sql, PgDumpBackup backup) {
        // The injected DataSource hands out only the current transaction's connection; Flyway and the metadata
        // look-up need connections of their own, from the pool itself.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.sql = sql;
        this.backup = backup;
    }

    @Override
    public String describe() {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                    + withoutCredentials(meta.getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("the database does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Migration> migrations() {
        return Arrays.stream(flyway().info().all()).map(m -> new Migration(
                m.getVersion() == null ? null : m.getVersion().getVersion(), m.getDescription(), m.getState().name(),
                m.getInstalledOn() == null ? null : m.getInstalledOn().toInstant())).toList();
    }

    @Override
    public int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    private Flyway flyway() {
        var locations = sql.postgres()
                ? new String[]{VendorMigrationLocations.COMMON, VendorMigrationLocations.POSTGRESQL}
                : new String[]{VendorMigrationLocations.COMMON, VendorMigrationLocations.H2};
        return Flyway.configure().dataSource(dataSource).locations(locations).callbacks(backup).load();
    }

    /** Drops user info and every parameter that could carry a secret. */
    static String withoutCredentials(String url) {
        String bare = url.replaceAll("//[^/@]*@", "//");
        int query = bare.indexOf('?');
        bare = query < 0 ? bare : bare.substring(0, query);
        int options = bare.indexOf(';');
        return options < 0 ? bare : bare.substring(0, options);
    }
}
