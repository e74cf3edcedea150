package io.flagtrail.adapter.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %safeMessage}: the formatted message, secrets masked and control characters escaped. */
public final class SafeMessageConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return SafeText.text(event.getFormattedMessage());
    }
}
