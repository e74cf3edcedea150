package io.flagtrail.adapter.events;

import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.EventHandler;
import io.flagtrail.domain.event.DomainEvent;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Events as JSON lines in {@code events.jsonl} under the configured directory. Past the size limit the current file
 * is renamed {@code events-<UTC time>.jsonl} and a new one begun; rotated files older than the retention period are
 * deleted. A write that fails (a full disk) is cut back to where it began and thrown, so the relay retries it and the
 * file never holds half a line. It remembers the ids it wrote recently (and rereads the current file at start), so
 * a redelivered event is written once.
 */
public final class FileEventSink implements EventHandler {

    static final String NAME = "file";
    static final String CURRENT = "events.jsonl";
    private static final DateTimeFormatter ROTATED = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern ROTATED_NAME = Pattern.compile("events-(\\d{8}T\\d{6}\\.\\d{6}Z)\\.jsonl");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventId\":\"([0-9a-f-]{36})\"");
    private static final int REMEMBERED = 10_000;

    private final FileSinkSettings settings;
    private final Clock clock;
    private final LinkedHashSet<UUID> recent = new LinkedHashSet<>();
    private FileChannel current;

    FileEventSink(FileSinkSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void handle(DomainEvent event) throws IOException {
        var channel = open();
        if (recent.contains(event.eventId())) {
            return;
        }
        byte[] line = (EventJson.of(event) + "\n").getBytes(StandardCharsets.UTF_8);
        if (channel.size() > 0 && channel.size() + line.length > settings.maxFileSize()) {
            rotate();
            channel = open();
        }
        long start = channel.size();
        try {
            var buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer, start + buffer.position());
            }
        } catch (IOException e) {
            cutBack(channel, start);
            throw e;
        }
        remember(event.eventId());
    }

    /** Deletes rotated files older than the retention period; answers how many went. */
    public synchronized int deleteExpired() throws IOException {
        Instant oldestKept = clock.now().minus(settings.retention());
        int deleted = 0;
        try (var files = Files.list(directory())) {
            for (var file : files.toList()) {
                var matcher = ROTATED_NAME.matcher(file.getFileName().toString());
                if (matcher.matches() && ROTATED.parse(matcher.group(1), Instant::from).isBefore(oldestKept)) {
                    Files.deleteIfExists(file);
                    deleted++;
                }
            }
        }
        return deleted;
    }

    synchronized void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private FileChannel open() throws IOException {
        if (current == null || !current.isOpen()) {
            Files.createDirectories(directory());
            Path file = directory().resolve(CURRENT);
            current = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            recover(file);
        }
        return current;
    }

    private void rotate() throws IOException {
        close();
        // Names carry the rotation time; two rotations within one microsecond take the next free one, so that names
        // stay unique and sort in the order the files were written.
        Instant at = clock.now();
        Path rotated;
        while (Files.exists(rotated = directory().resolve("events-" + ROTATED.format(at) + ".jsonl"))) {
            at = at.plusNanos(1000);
        }
        Files.move(directory().resolve(CURRENT), rotated);
        deleteExpired();
    }

    private static void cutBack(FileChannel channel, long size) {
        try {
            channel.truncate(size).position(size);
        } catch (IOException ignored) {
            // the disk refused the write and the repair: the next attempt cuts back again before writing
        }
    }

    /**
     * Picks up the current file as an earlier process left it: remembers the ids it holds, and cuts off a last line
     * that a crash left half written (its event was never acknowledged, so it comes again).
     */
    private void recover(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        int end = content.length;
        while (end > 0 && content[end - 1] != '\n') {
            end--;
        }
        if (end < content.length) {
            current.truncate(end);
        }
        for (var line : new String(content, 0, end, StandardCharsets.UTF_8).split("\n")) {
            var matcher = EVENT_ID.matcher(line);
            if (matcher.find()) {
                remember(UUID.fromString(matcher.group(1)));
            }
        }
        current.position(end);
    }

    private void remember(UUID id) {
        recent.add(id);
        if (recent.size() > REMEMBERED) {
            recent.removeFirst();
        }
    }

    private Path directory() {
        return settings.directory();
    }
}
