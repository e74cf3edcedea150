package io.flagtrail.adapter.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %safeKvp}: the event's key-value context as {@code key="value"} pairs, secrets masked, escaped. */
public final class SafeKeyValuesConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        var pairs = event.getKeyValuePairs();
        if (pairs == null || pairs.isEmpty()) {
            return "";
        }
        var out = new StringBuilder();
        for (var pair : pairs) {
            out.append(' ').append(SafeText.escape(pair.key)).append("=\"")
                    .append(SafeText.value(pair.key, pair.value).replace("\"", "\\\"")).append('"');
        }
        return out.toString();
    }
}
