package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;

/** {@code flagtrail db migrate|info}: the schema of the configured database. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database migrations.")
final class DbCommand extends CliCommand {

    @Inject ManageDatabaseUseCase database;

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Apply pending migrations (recorded in the audit trail when any is applied).")
    int migrate() {
        int applied = database.migrate(CliOrigin.current());
        var result = new LinkedHashMap<String, Object>();
        result.put("database", database.describe());
        result.put("applied", applied);
        print(result);
        return 0;
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Every migration and its state.")
    int info() {
        print(database.migrations().stream().map(m -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("version", m.version());
            row.put("description", m.description());
            row.put("state", m.state());
            row.put("installedOn", m.installedOn() == null ? null : m.installedOn().toString());
            return row;
        }).toList());
        return 0;
    }
}
