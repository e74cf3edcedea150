package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.SealLedgerUseCase;
import io.flagtrail.application.port.in.VerifyBundleUseCase;
import io.flagtrail.application.port.in.WitnessLedgerUseCase;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.DomainException;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the {@code flagtrail} command. Arguments are checked (and help printed) before anything starts; only a
 * command that will run opens the application context, and so the database. Exit codes: 0 ok, 1 failed,
 * 2 usage or invalid input, 3 not found, 4 conflict.
 */
public final class Cli {

    /** First arguments that make the jar run the CLI instead of the server. */
    public static final Set<String> ENTRY = Set.of("features", "audit", "users", "api-keys", "events", "db", "status",
            "log-level", "verify-bundle", "help", "--help", "-h", "--version", "-V");

    /** Commands that need no database: they run without opening the application context. */
    private static final String OFFLINE = "verify-bundle";

    private Cli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && ENTRY.contains(args[0]);
    }

    /**
     * Runs one command: {@code contexts} opens the application context (and so the database) for a command that
     * needs it; {@code bundles} checks evidence bundles for {@code verify-bundle}, which needs nothing else.
     */
    public static int run(String[] args, Supplier<ApplicationContext> contexts, VerifyBundleUseCase bundles,
                          PrintWriter out, PrintWriter err) {
        CliOrigin.authenticatedWith(null);
        var probe = configure(new CommandLine(new FlagtrailCommand()), out, err);
        ParseResult parsed;
        try {
            parsed = probe.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            err.println("flagtrail: " + e.getMessage());
            e.getCommandLine().usage(err);
            err.flush();
            return 2;
        }
        if (asksForHelp(parsed)) {
            return probe.execute(args);
        }
        if (command(parsed).equals(OFFLINE)) {
            return configure(new CommandLine(FlagtrailCommand.class, new OfflineFactory(bundles)), out, err).execute(args);
        }
        try (var context = contexts.get()) {
            if (!context.getProperty("flagtrail.cli.enabled", Boolean.class).orElse(true)) {
                return fail(err, 1, "the CLI is switched off (CLI_ENABLED=false)");
            }
            if (context.getProperty("flagtrail.cli.auth-required", Boolean.class).orElse(false)) {
                String refused = CliAuthorization.refusal(context, command(parsed));
                if (refused != null) {
                    return fail(err, 1, refused);
                }
            }
            var cli = configure(new CommandLine(FlagtrailCommand.class, new MicronautFactory(context)), out, err);
            int code = cli.execute(args);
            sealWhatWasWritten(context);
            return code;
        } catch (RuntimeException e) {
            return fail(err, exitCode(e), message(e));
        }
    }

    /** Creates the commands of an offline run: the bundle verifier gets its use case, the rest stay unused. */
    private record OfflineFactory(VerifyBundleUseCase bundles) implements CommandLine.IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K created = CommandLine.defaultFactory().create(type);
            if (created instanceof VerifyBundleCommand command) {
                command.verifier = bundles;
            }
            return created;
        }
    }

    private static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> fail(commandLine.getErr(), exitCode(e),
                message(e)));
        return cli;
    }

    /** The command's name without the program: {@code features list}, {@code status}. */
    private static String command(ParseResult parsed) {
        var names = new java.util.ArrayList<String>();
        for (var part = parsed.subcommand(); part != null; part = part.subcommand()) {
            names.add(part.commandSpec().name());
        }
        return String.join(" ", names);
    }

    /** The server seals within milliseconds; a CLI run seals its own entries before it exits, so they verify at once. */
    private static void sealWhatWasWritten(ApplicationContext context) {
        var sealer = context.getBean(SealLedgerUseCase.class);
        for (var round = sealer.sealPending(); round.leader() && round.sealed() > 0; round = sealer.sealPending()) {
            // until nothing is pending
        }
        // the witnesses get what it signed, as the server's witness job would
        context.getBean(WitnessLedgerUseCase.class).synchronize();
    }

    /** Help, a version, or a group named without its command: answered without opening anything. */
    private static boolean asksForHelp(ParseResult parsed) {
        var deepest = parsed;
        for (var part = parsed; part != null; part = part.subcommand()) {
            if (part.isUsageHelpRequested() || part.isVersionHelpRequested()
                    || part.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                return true;
            }
            deepest = part;
        }
        return !deepest.commandSpec().subcommands().isEmpty();
    }

    static int exitCode(Throwable e) {
        return switch (e) {
            case CliFailure failure -> failure.exitCode();
            case InvalidInput invalid -> 2;
            case NotFound notFound -> 3;
            case Conflict conflict -> 4;
            case StaleVersion stale -> 4;
            default -> 1;
        };
    }

    private static String message(Throwable e) {
        if (e instanceof DomainException domain) {
            return domain.getMessage() + " [" + domain.code() + "]";
        }
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof CommandLine.InitializationException || cause.getMessage() == null)) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static int fail(PrintWriter err, int code, String message) {
        err.println("flagtrail: " + message);
        err.flush();
        return code;
    }
}
