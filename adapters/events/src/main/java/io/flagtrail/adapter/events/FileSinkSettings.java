package io.flagtrail.adapter.events;

import java.nio.file.Path;
import java.time.Duration;

/** Where the file sink writes, when it rotates (size of the current file) and how long rotated files are kept. */
record FileSinkSettings(Path directory, long maxFileSize, Duration retention) {

    FileSinkSettings {
        if (maxFileSize < 1024) {
            throw new IllegalArgumentException("EVENTS_MAX_FILE_SIZE must be at least 1KB, was " + maxFileSize + " bytes");
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("EVENTS_RETENTION_DAYS must be at least 1");
        }
    }
}
