package io.flagtrail.adapter.cli;

import io.flagtrail.domain.json.JsonReader;
import io.flagtrail.domain.ledger.Checkpoint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

/**
 * What {@code verify-bundle --trusted} reads, whatever the reviewer kept: an earlier evidence bundle (every checkpoint
 * in it), a checkpoint as {@code checkpoint.json} or the API wrote it (or an HTTP witness's answer holding one), a
 * file of checkpoints one per line, or a witness directory (all its day files). Anything else is refused naming the file.
 */
final class TrustedCheckpoints {

    private TrustedCheckpoints() {
    }

    static List<Checkpoint> read(List<String> names) {
        var all = new ArrayList<Checkpoint>();
        for (var name : names) {
            try {
                all.addAll(read(Path.of(name)));
            } catch (NoSuchFileException e) {
                throw new CliFailure(2, "--trusted " + name + ": no such file");
            } catch (IOException | IllegalArgumentException | ClassCastException e) {
                throw new CliFailure(1, "--trusted " + name + ": not a checkpoint, a file of checkpoints, an evidence "
                        + "bundle or a witness directory (" + e.getMessage() + ")");
            }
        }
        return all;
    }

    private static List<Checkpoint> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            var all = new ArrayList<Checkpoint>();
            try (var files = Files.list(path)) {
                for (var file : files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList()) {
                    all.addAll(Checkpoint.fromLines(Files.readString(file)));
                }
            }
            return all;
        }
        byte[] bytes = Files.readAllBytes(path);
        if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            return fromBundle(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        return text.lines().count() == 1 ? List.of(checkpoint(JsonReader.parseObject(text)))
                : Checkpoint.fromLines(text);
    }

    /** A checkpoint, or a witness's answer holding one beside its cosignature (docs/witness.md). */
    @SuppressWarnings("unchecked")
    private static Checkpoint checkpoint(java.util.Map<String, Object> json) {
        return Checkpoint.fromJson(json.get("checkpoint") instanceof java.util.Map<?, ?> held
                ? (java.util.Map<String, Object>) held : json);
    }

    private static List<Checkpoint> fromBundle(byte[] bytes) throws IOException {
        var all = new ArrayList<Checkpoint>();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String text = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                if (entry.getName().equals("checkpoint.json")) {
                    all.add(Checkpoint.fromJson(JsonReader.parseObject(text)));
                } else if (entry.getName().equals("checkpoints.ndjson")) {
                    all.addAll(Checkpoint.fromLines(text));
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("a zip without checkpoint.json");
        }
        return all;
    }
}
