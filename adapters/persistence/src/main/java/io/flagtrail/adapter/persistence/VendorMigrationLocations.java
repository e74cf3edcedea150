package io.flagtrail.adapter.persistence;

import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;

/**
 * Points Flyway at the migrations for the database in use: {@code db/migration/common} always, plus
 * {@code db/migration/postgresql} (triggers and other PostgreSQL-only parts) on PostgreSQL, or
 * {@code db/migration/h2} on H2. Flyway itself has
 * no "vendor" placeholder (that is a Spring Boot feature), hence this listener. It also registers the optional
 * backup before migrating ({@link PgDumpBackup}).
 */
@Singleton
final class VendorMigrationLocations implements BeanCreatedEventListener<FlywayConfigurationProperties> {

    static final String COMMON = "classpath:db/migration/common";
    static final String POSTGRESQL = "classpath:db/migration/postgresql";
    static final String H2 = "classpath:db/migration/h2";

    private final Environment environment;
    private final PgDumpBackup backup;

    VendorMigrationLocations(Environment environment, PgDumpBackup backup) {
        this.environment = environment;
        this.backup = backup;
    }

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        var flyway = event.getBean();
        String url = environment.getProperty("datasources." + flyway.getNameQualifier() + ".url", String.class)
                .orElse("");
        if (url.startsWith("jdbc:postgresql:")) {
            flyway.setLocations(COMMON, POSTGRESQL);
        } else {
            flyway.setLocations(COMMON, H2);
        }
        flyway.getFluentConfiguration().callbacks(backup);
        return flyway;
    }
}
