package io.flagtrail.adapter.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.util.HashMap;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;

/**
 * Builds Logback's appender, encoder and levels from {@link LogSettings}. Every line, text or JSON, carries a UTC
 * ISO-8601 timestamp, the level, the logger, the message, the request id, the trace id and the actor id (from the
 * MDC the web adapter fills), and the key-value context; secrets are masked and control characters escaped.
 */
final class LogbackSetup {

    /** MDC keys set for each request by the web adapter; named here so that both sides can be checked. */
    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String ACTOR_ID = "actorId";
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level %logger{40} "
            + "[request=%X{" + REQUEST_ID + ":--} trace=%X{" + TRACE_ID + ":--} actor=%X{" + ACTOR_ID + ":--}] "
            + "%safeMessage%safeKvp%n%safeException";

    private LogbackSetup() {
    }

    static void apply(LoggerContext context, LogSettings settings) {
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!settings.enabled()) {
            root.setLevel(Level.OFF);
            return;
        }
        var appender = appender(context, settings);
        appender.setEncoder(encoder(context, settings));
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.toLevel(settings.level()));
        context.getLogger("com.zaxxer.hikari").setLevel(Level.WARN);
        settings.levels().forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, LogSettings settings) {
        if (settings.output() != LogSettings.Output.FILE) {
            var console = new ConsoleAppender<ILoggingEvent>();
            console.setContext(context);
            boolean stderr = settings.output() == LogSettings.Output.STDERR;
            console.setName(stderr ? "stderr" : "stdout");
            console.setTarget(stderr ? "System.err" : "System.out");
            return console;
        }
        var file = new RollingFileAppender<ILoggingEvent>();
        file.setContext(context);
        file.setName("file");
        String path = settings.filePath().toAbsolutePath().toString();
        file.setFile(path);
        var rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(path + ".%i");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(settings.maxFiles());
        rolling.start();
        var trigger = new SizeBasedTriggeringPolicy<ILoggingEvent>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(settings.maxSizeBytes()));
        // Logback checks the size once a minute by default, letting a burst overshoot the limit; check every line.
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
        trigger.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        return file;
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogSettings settings) {
        if (settings.format() == LogSettings.Format.JSON) {
            var json = new LogstashEncoder();
            json.setContext(context);
            json.setTimeZone("UTC");
            json.setTimestampPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
            json.getFieldNames().setTimestamp("timestamp");
            json.getFieldNames().setLogger("logger");
            json.getFieldNames().setThread("thread");
            json.getFieldNames().setVersion("[ignore]");
            json.getFieldNames().setLevelValue("[ignore]");
            var masking = new MaskingJsonGeneratorDecorator();
            masking.setDefaultMask(SafeText.MASK);
            SafeText.SECRET_KEYS.forEach(masking::addPath);
            masking.addPath("apiKey");
            masking.addPath("accessToken");
            masking.addPath("refreshToken");
            masking.addValueMasker((generator, value) ->
                    value instanceof String text && !SafeText.mask(text).equals(text) ? SafeText.mask(text) : null);
            masking.start();
            json.setJsonGeneratorDecorator(masking);
            json.start();
            return json;
        }
        var text = new PatternLayoutEncoder();
        text.setContext(context);
        @SuppressWarnings("unchecked")
        var converters = (java.util.Map<String, String>) context.getObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY);
        var rules = converters == null ? new HashMap<String, String>() : new HashMap<>(converters);
        rules.put("safeMessage", SafeMessageConverter.class.getName());
        rules.put("safeKvp", SafeKeyValuesConverter.class.getName());
        rules.put("safeException", SafeThrowableConverter.class.getName());
        context.putObject(ch.qos.logback.core.CoreConstants.PATTERN_RULE_REGISTRY, rules);
        text.setPattern(TEXT_PATTERN);
        text.start();
        return text;
    }

}
