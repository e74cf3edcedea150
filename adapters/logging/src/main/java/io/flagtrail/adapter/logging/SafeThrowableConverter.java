package io.flagtrail.adapter.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %safeException}: a stack trace whose lines are all indented and whose exception messages are escaped and
 * masked, so that an exception message built from input cannot start a line of its own.
 */
public final class SafeThrowableConverter extends ThrowableHandlingConverter {

    @Override
    public String convert(ILoggingEvent event) {
        var out = new StringBuilder();
        String prefix = "";
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause(), prefix = "Caused by: ") {
            out.append("\t").append(prefix).append(t.getClassName());
            if (t.getMessage() != null) {
                out.append(": ").append(SafeText.text(t.getMessage()));
            }
            out.append(System.lineSeparator());
            for (var frame : t.getStackTraceElementProxyArray()) {
                out.append("\t\tat ").append(SafeText.escape(frame.getStackTraceElement().toString()))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }
}
