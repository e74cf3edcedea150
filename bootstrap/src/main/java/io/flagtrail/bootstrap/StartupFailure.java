package io.flagtrail.bootstrap;

import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.runtime.Micronaut;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Micronaut, but a failed start prints one line that says what is wrong ({@code flagtrail: cannot start: …}) and
 * exits 1, instead of pages of stack trace: a malformed setting names its value and what it should be, a setting a
 * component refuses gives that component's message. The full trace is still logged at DEBUG for developers.
 */
final class StartupFailure extends Micronaut {

    /** Micronaut's message for a setting it cannot convert (e.g. a port that is no number). */
    private static final Pattern UNRESOLVABLE = Pattern.compile(
            "Error resolving property value \\[([^\\]]+)]\\. (Unable to convert value \\[[^\\]]*] to target type \\[[^\\]]*])");

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        LoggerFactory.getLogger(StartupFailure.class).debug("startup failed", exception);
        System.err.println("flagtrail: cannot start: " + describe(exception));
        System.err.println("flagtrail: see docs/configuration.md for every setting and its allowed values");
        System.exit(1);
    }

    /** The most telling message in the chain of causes. */
    static String describe(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            var unresolvable = cause.getMessage() == null ? null : UNRESOLVABLE.matcher(cause.getMessage());
            if (unresolvable != null && unresolvable.find()) {
                return "setting " + unresolvable.group(1) + ": " + unresolvable.group(2);
            }
        }
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConversionErrorException conversion) {
                var error = conversion.getConversionError();
                return "the value '" + error.getOriginalValue().orElse("?") + "' of setting '"
                        + conversion.getArgument().getName() + "' is not a valid "
                        + conversion.getArgument().getType().getSimpleName() + " (" + firstLine(error.getCause().getMessage()) + ")";
            }
        }
        Throwable deepest = exception;
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException)) {
                deepest = cause;
            }
        }
        return firstLine(deepest.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown failure (run with LOG_LEVEL=DEBUG for the details)";
        }
        // Micronaut's injection messages carry escaped line breaks ("\\n"), others real ones
        int end = message.indexOf("\\n");
        end = end < 0 ? message.indexOf('\n') : end;
        return end < 0 ? message : message.substring(0, end);
    }
}
