package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.AppLogger;
import java.util.ArrayList;
import java.util.List;

/** Keeps every message so that tests can check what was logged. */
public final class RecordingLogger implements AppLogger {

    private final List<String> lines = new ArrayList<>();

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void debug(String message, Object... keyValues) {
        add("DEBUG", message, keyValues);
    }

    @Override
    public void info(String message, Object... keyValues) {
        add("INFO", message, keyValues);
    }

    @Override
    public void warn(String message, Object... keyValues) {
        add("WARN", message, keyValues);
    }

    @Override
    public void error(String message, Throwable cause, Object... keyValues) {
        add("ERROR", message, keyValues);
    }

    private synchronized void add(String level, String message, Object[] keyValues) {
        lines.add(level + " " + message + " " + List.of(keyValues));
    }
}
