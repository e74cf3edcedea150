package io.flagtrail.bootstrap;

import io.flagtrail.adapter.cli.Cli;
import io.flagtrail.adapter.logging.FlagtrailLogbackConfigurator;
import io.flagtrail.application.service.audit.VerifyBundleService;
import io.micronaut.context.ApplicationContext;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The jar as the {@code flagtrail} command: the application context without the HTTP server and without the
 * background work of a server (sealer loop, event relay, retention purge, initial administrator), logging to
 * standard error so that standard output holds only the command's result.
 */
public final class CliMain {

    public static final String ENVIRONMENT = "cli";
    /** H2's "Database may be already in use" (error 90020). */
    private static final String H2_FILE_IN_USE = "90020";

    private CliMain() {
    }

    static int run(String[] args) {
        var env = new HashMap<>(System.getenv());
        env.putIfAbsent("LOG_OUTPUT", "stderr");
        env.putIfAbsent("LOG_LEVEL", "WARN");
        FlagtrailLogbackConfigurator.reconfigure(env);
        return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    }

    /** One command on the configured database; {@code verify-bundle} opens none. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return Cli.run(args, CliMain::configuredContext, new VerifyBundleService(), out, err);
    }

    /**
     * The context on the configured database. The embedded H2 file is one process at a time: when a running server
     * holds it, say so and what to do, instead of the dependency-injection error it surfaces as.
     */
    private static ApplicationContext configuredContext() {
        try {
            return context(Flagtrail.startupProperties());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException sql && H2_FILE_IN_USE.equals(sql.getSQLState())) {
                    throw new IllegalStateException("the embedded H2 database is in use by another process (a running "
                            + "server?): stop it first, or run the server and the CLI on PostgreSQL (DATABASE_URL)", e);
                }
            }
            throw e;
        }
    }

    /** The CLI's context on the database these properties select. */
    static ApplicationContext context(Map<String, Object> properties) {
        var all = new HashMap<>(properties);
        all.put("flagtrail.ledger.sealer.enabled", false);
        all.put("flagtrail.events.relay.enabled", false);
        all.put("flagtrail.ledger.purge.enabled", false);
        // no Micrometer in a process that exits in a second: about a fifth of a command's start (bench/run startup)
        all.put("micronaut.metrics.enabled", false);
        return ApplicationContext.builder().environments(ENVIRONMENT).deduceEnvironment(false).properties(all).start();
    }
}
