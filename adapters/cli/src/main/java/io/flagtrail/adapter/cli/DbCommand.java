package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.LedgerPartitionsUseCase;
import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;

/** {@code flagtrail db migrate|info|partitions}: the schema of the configured database. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database migrations.")
final class DbCommand extends CliCommand {

    @Inject ManageDatabaseUseCase database;
    @Inject LedgerPartitionsUseCase partitions;

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

    @Command(name = "partitions", mixinStandardHelpOptions = true,
            description = "The partitions the sealed entries are stored in (PostgreSQL) and the room past the head.")
    int partitions() {
        var layout = partitions.layout();
        var result = new LinkedHashMap<String, Object>();
        result.put("partitioned", layout.partitioned());
        if (layout.partitioned()) {
            result.put("head", layout.head());
            result.put("room", layout.room());
            result.put("low", layout.low());
            result.put("span", layout.span());
            result.put("partitions", layout.partitions().stream().map(p -> {
                var row = new LinkedHashMap<String, Object>();
                row.put("from", p.from());
                row.put("to", p.to() - 1);
                return row;
            }).toList());
        }
        print(result);
        return 0;
    }
}
