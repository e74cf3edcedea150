package io.flagtrail.bootstrap;

import io.flagtrail.adapter.cli.Cli;

/**
 * Starts the Flagtrail server; with a CLI command ({@code features}, {@code audit}, {@code db}, {@code status},
 * {@code log-level}, {@code --help}) runs the admin CLI on the configured database, and with
 * {@code verify-bundle <file>} checks an evidence bundle offline.
 */
public final class Flagtrail {

    private Flagtrail() {
    }

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            System.exit(CliMain.run(args));
        }
        java.util.Map<String, Object> properties;
        try {
            properties = startupProperties();
        } catch (IllegalStateException misconfigured) {
            System.err.println("flagtrail: " + misconfigured.getMessage());
            System.exit(1);
            return;
        }
        new StartupFailure()
                .args(args)
                .mainClass(Flagtrail.class)
                .banner(false)
                .properties(properties)
                .start();
    }

    /** The database choice and the {@code <NAME>_FILE} secrets, both above the environment in precedence. */
    static java.util.Map<String, Object> startupProperties() {
        var env = SecretFiles.applied(System.getenv());
        var properties = new java.util.HashMap<>(DatabaseSelection.defaults(env, System.getProperties()));
        properties.putAll(SecretFiles.properties(System.getenv()));
        return properties;
    }
}
