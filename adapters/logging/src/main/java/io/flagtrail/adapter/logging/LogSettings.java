package io.flagtrail.adapter.logging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How Flagtrail logs, read from the environment (the seed documents' names): {@code LOG_ENABLED} (true),
 * {@code LOG_LEVEL} (DEBUG, INFO, WARNING, ERROR, CRITICAL; INFO), {@code LOG_FORMAT} (text or json; text),
 * {@code LOG_OUTPUT} (stdout, stderr or file; stdout), {@code LOG_FILE_PATH} (logs/flagtrail.log), {@code LOG_MAX_SIZE}
 * (10MB), {@code LOG_MAX_FILES} (5 archives), {@code LOG_LEVELS} (per package, e.g. {@code io.micronaut=WARN,io.flagtrail=DEBUG}).
 */
record LogSettings(boolean enabled, String level, Format format, Output output, Path filePath, long maxSizeBytes,
                   int maxFiles, Map<String, String> levels) {

    enum Format { TEXT, JSON }

    /** STDERR keeps standard output free for a command's result (the CLI's default). */
    enum Output { STDOUT, STDERR, FILE }

    static LogSettings defaults() {
        return from(Map.of());
    }

    /** Reads the settings; a wrong value fails with one message naming the variable and what it accepts. */
    static LogSettings from(Map<String, String> env) {
        var errors = new ArrayList<String>();
        boolean enabled = bool(env, "LOG_ENABLED", true, errors);
        String level = level(env.getOrDefault("LOG_LEVEL", "INFO"), "LOG_LEVEL", errors);
        var format = choice(env, "LOG_FORMAT", Format.class, Format.TEXT, errors);
        var output = choice(env, "LOG_OUTPUT", Output.class, Output.STDOUT, errors);
        var path = Path.of(env.getOrDefault("LOG_FILE_PATH", "logs/flagtrail.log"));
        long maxSize = size(env.getOrDefault("LOG_MAX_SIZE", "10MB"), errors);
        int maxFiles = count(env.getOrDefault("LOG_MAX_FILES", "5"), errors);
        var levels = levels(env.getOrDefault("LOG_LEVELS", ""), errors);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid logging configuration: " + String.join("; ", errors));
        }
        return new LogSettings(enabled, level, format, output, path, maxSize, maxFiles, levels);
    }

    /** The seed documents' levels onto Logback's: WARNING is WARN, CRITICAL is ERROR (Logback has nothing above). */
    static String level(String value, String variable, List<String> errors) {
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "DEBUG" -> "DEBUG";
            case "INFO" -> "INFO";
            case "WARNING", "WARN" -> "WARN";
            case "ERROR", "CRITICAL" -> "ERROR";
            case "TRACE" -> "TRACE";
            case "OFF" -> "OFF";
            default -> {
                errors.add(variable + " must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL (was '" + value + "')");
                yield "INFO";
            }
        };
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback, List<String> errors) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> {
                errors.add(name + " must be true or false (was '" + value + "')");
                yield fallback;
            }
        };
    }

    private static <E extends Enum<E>> E choice(Map<String, String> env, String name, Class<E> type, E fallback,
                                                List<String> errors) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT)
                    + " (was '" + value + "')");
            return fallback;
        }
    }

    /** {@code 500KB}, {@code 10MB}, {@code 1GB} or a number of bytes. */
    static long size(String value, List<String> errors) {
        var text = value.strip().toUpperCase(Locale.ROOT);
        long unit = text.endsWith("KB") ? 1024 : text.endsWith("MB") ? 1024 * 1024 : text.endsWith("GB") ? 1024L * 1024 * 1024 : 1;
        String digits = unit == 1 ? text.replace("B", "") : text.substring(0, text.length() - 2);
        try {
            long size = Long.parseLong(digits.strip()) * unit;
            if (size >= 1024) {
                return size;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add("LOG_MAX_SIZE must be a size of at least 1KB such as 10MB (was '" + value + "')");
        return 10L * 1024 * 1024;
    }

    private static int count(String value, List<String> errors) {
        try {
            int count = Integer.parseInt(value.strip());
            if (count >= 1 && count <= 100) {
                return count;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add("LOG_MAX_FILES must be a whole number from 1 to 100 (was '" + value + "')");
        return 5;
    }

    private static Map<String, String> levels(String value, List<String> errors) {
        var levels = new LinkedHashMap<String, String>();
        for (var pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            var parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                errors.add("LOG_LEVELS must be package=LEVEL pairs separated by commas (was '" + value + "')");
                continue;
            }
            levels.put(parts[0].strip(), level(parts[1], "LOG_LEVELS", errors));
        }
        return levels;
    }
}
