package io.flagtrail.adapter.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's entry point (found through {@code META-INF/services}): configures logging from the environment before
 * the first line is written. A wrong variable is reported once on standard error and the defaults are used.
 */
public final class FlagtrailLogbackConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSettings settings;
        try {
            settings = LogSettings.from(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("flagtrail: " + e.getMessage() + "; logging with the defaults");
            settings = LogSettings.defaults();
        }
        LogbackSetup.apply(context, settings);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures the running application's logging again from these variables (tests and tools). */
    public static void reconfigure(java.util.Map<String, String> env) {
        LogbackSetup.apply((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory(), LogSettings.from(env));
    }
}
