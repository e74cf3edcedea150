package io.flagtrail.adapter.cli;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a command's JSON input from a file or, for {@code -}, standard input. Malformed JSON, unknown fields and
 * values of the wrong type are refused with the parser's message, which names the field (exit code 2).
 */
final class JsonInput {

    private JsonInput() {
    }

    static <T> T read(String source, Argument<T> type, JsonMapper json) {
        byte[] bytes = bytes(source);
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new CliFailure(2, "invalid JSON in " + name(source) + ": it is empty or null");
            }
            return value;
        } catch (IOException | RuntimeException e) {
            if (e instanceof CliFailure failure) {
                throw failure;
            }
            throw new CliFailure(2, "invalid JSON in " + name(source) + ": " + firstLine(e.getMessage()));
        }
    }

    private static byte[] bytes(String source) {
        try {
            if ("-".equals(source)) {
                try (InputStream in = System.in) {
                    return in.readAllBytes();
                }
            }
            return Files.readAllBytes(Path.of(source));
        } catch (NoSuchFileException e) {
            throw new CliFailure(2, "no such file: " + source);
        } catch (IOException e) {
            throw new CliFailure(1, "cannot read " + name(source) + ": " + e.getMessage());
        }
    }

    private static String name(String source) {
        return "-".equals(source) ? "standard input" : source;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
