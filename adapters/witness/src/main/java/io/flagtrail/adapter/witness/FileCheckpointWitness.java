package io.flagtrail.adapter.witness;

import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The default witness: a directory of append-only files, one per UTC day of issue ({@code checkpoints-2026-12-03.ndjson}),
 * one signed checkpoint per line as {@link Checkpoint#json()} writes it. A line is written whole and forced to disk
 * before {@link #publish} returns; a torn last line (a crash mid-write) is ignored. Instances sharing the directory take
 * its lock file around each read-check-append, so the files only ever grow in size order. Put the directory where
 * the database's owner cannot write (another volume, another host's mount): that is what makes it a witness.
 */
@Singleton
@Requires(property = "flagtrail.ledger.witness.file.enabled", notEquals = "false")
final class FileCheckpointWitness implements CheckpointWitness {

    private static final String PREFIX = "checkpoints-";
    private static final String SUFFIX = ".ndjson";
    /** Checkpoint lines are about 300 bytes; the last complete one is always within this much of a file's end. */
    private static final int TAIL = 16 * 1024;

    /**
     * One lock per directory within this JVM, taken before the file lock: file locks belong to the whole JVM, so two
     * witnesses on one directory in one JVM (two contexts, as some tests run) would otherwise overlap.
     */
    private static final java.util.concurrent.ConcurrentMap<Path, java.util.concurrent.locks.ReentrantLock> IN_JVM =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final Path directory;

    FileCheckpointWitness(@Value("${flagtrail.ledger.witness.file.path:./data/witness}") String directory) {
        this.directory = Path.of(directory).toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "file:" + directory;
    }

    @Override
    public Optional<Checkpoint> latest() {
        try (var lock = lock()) {
            return newest();
        } catch (IOException e) {
            throw new Unreachable("cannot read the witness directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void publish(Checkpoint checkpoint, Consistency consistency) {
        try (var lock = lock()) {
            if (!CheckpointWitness.holdsAlready(newest(), checkpoint)) {
                append(checkpoint);
            }
        } catch (IOException e) {
            throw new Unreachable("cannot write to the witness directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private void append(Checkpoint checkpoint) throws IOException {
        var file = directory.resolve(PREFIX + checkpoint.issuedAt().atOffset(ZoneOffset.UTC).toLocalDate() + SUFFIX);
        boolean created = !Files.exists(file);
        try (var out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap((checkpoint.json() + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        if (created) {
            try (var dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true); // the new file's name is durable too
            }
        }
    }

    /** The last complete line of the newest file that has one. */
    private Optional<Checkpoint> newest() throws IOException {
        for (var file : files()) {
            var line = lastCompleteLine(file);
            if (line.isPresent()) {
                try {
                    return Optional.of(Checkpoint.fromJson(JsonReader.parseObject(line.get())));
                } catch (IllegalArgumentException malformed) {
                    throw new IOException(file.getFileName() + " ends in a line that is not a checkpoint: "
                            + malformed.getMessage(), malformed);
                }
            }
        }
        return Optional.empty();
    }

    /** The day files, newest first (their names sort by date). */
    private java.util.List<Path> files() throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                            && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
        }
    }

    private static Optional<String> lastCompleteLine(Path file) throws IOException {
        try (var in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, TAIL);
            var bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            var text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return Optional.empty(); // nothing complete: a first line torn by a crash
            }
            int start = text.lastIndexOf('\n', end - 1) + 1;
            String line = text.substring(start, end).strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(line);
        }
    }

    /** The directory's lock within this JVM and across processes, held until closed; creates the directory. */
    private Held lock() throws IOException {
        var inJvm = IN_JVM.computeIfAbsent(directory, d -> new java.util.concurrent.locks.ReentrantLock());
        inJvm.lock();
        try {
            Files.createDirectories(directory);
            var channel = FileChannel.open(directory.resolve("witness.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                channel.lock();
                return new Held(channel, inJvm);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            inJvm.unlock();
            throw e;
        }
    }

    /** Closing the lock file's channel releases the file lock; then the JVM's lock goes. */
    private record Held(FileChannel channel, java.util.concurrent.locks.ReentrantLock inJvm) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                inJvm.unlock();
            }
        }
    }
}
