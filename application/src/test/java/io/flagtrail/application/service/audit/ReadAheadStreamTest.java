package io.flagtrail.application.service.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The read-ahead gives exactly its source's bytes, reads the source to its end on close, and rethrows its failure. */
class ReadAheadStreamTest {

    @Test
    void it_gives_the_sources_bytes_across_many_chunks_in_any_read_sizes() throws IOException {
        byte[] source = new byte[(1 << 16) * 11 + 123];
        new Random(17).nextBytes(source);
        var read = new java.io.ByteArrayOutputStream();
        try (var ahead = new ReadAheadStream(new ByteArrayInputStream(source))) {
            byte[] buffer = new byte[777];
            for (int n = ahead.read(buffer); n != -1; n = ahead.read(buffer, 0, 1 + read.size() % 777)) {
                read.write(buffer, 0, n);
            }
            assertEquals(-1, ahead.read());
        }
        assertArrayEquals(source, read.toByteArray());
    }

    @Test
    void closing_early_still_reads_the_source_to_its_end() throws IOException {
        var source = new ByteArrayInputStream(new byte[(1 << 16) * 20]);
        try (var ahead = new ReadAheadStream(source)) {
            ahead.read(new byte[10]);
        }
        assertEquals(0, source.available(), "a digest over the source covers all of it");
    }

    @Test
    void a_failing_source_fails_the_reader() {
        // as an inflater fails: 100,000 good bytes, then every read throws
        InputStream broken = new InputStream() {
            long given;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0];
            }

            @Override
            public int read(byte[] into, int off, int len) throws IOException {
                if (given >= 100_000) {
                    throw new java.util.zip.ZipException("invalid stored block lengths");
                }
                int n = (int) Math.min(len, 100_000 - given);
                given += n;
                return n;
            }
        };
        var failure = assertThrows(java.util.zip.ZipException.class, () -> {
            try (var ahead = new ReadAheadStream(broken)) {
                ahead.transferTo(java.io.OutputStream.nullOutputStream());
            }
        });
        assertEquals("invalid stored block lengths", failure.getMessage());
    }
}
