package io.flagtrail.adapter.cli;

import io.micronaut.core.annotation.Introspected;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code flagtrail}: the admin CLI. Works directly on the configured database through the same use cases as HTTP. */
@Command(name = "flagtrail", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Flagtrail admin CLI: works on the configured database (DATABASE_URL, else the embedded H2 "
                + "under ./data) through the same use cases as the HTTP API. Every change is audited with actor "
                + "cli:<os user>.",
        subcommands = {FeaturesCommand.class, ChangeRequestsCommand.class, AuditCommand.class, UsersCommand.class, ApiKeysCommand.class,
                EventsCommand.class, DbCommand.class, StatusCommand.class, LogLevelCommand.class, VerifyBundleCommand.class, HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failed, 2 usage or invalid input, 3 not found, 4 conflict."})
@Introspected
public final class FlagtrailCommand implements Runnable {

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "json|text|table",
            description = "Output format (default: CLI_DEFAULT_FORMAT, else json).")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; see flagtrail --help");
    }
}
