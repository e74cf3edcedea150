package io.flagtrail.application.service.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead of the reader: the offline verifier inflates the
 * bundle and digests the entries file there while it hashes and chains the entries on its own thread, so the two
 * halves of the work share the machine's cores instead of taking turns. The chunks go round between two queues, so
 * a million entries allocate a handful of buffers, not a gigabyte of them. A failure of the source is rethrown to
 * the reader at the point it happened.
 */
final class ReadAheadStream extends InputStream {

    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS = 8;
    /** A chunk whose length is this marks the end of the source. */
    private static final int END = -1;

    private record Chunk(byte[] bytes, int length, IOException failure) {
    }

    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private Chunk current;
    private int offset;

    ReadAheadStream(InputStream source) {
        for (int i = 0; i < CHUNKS; i++) {
            free.add(new byte[CHUNK]);
        }
        reader = Thread.ofPlatform().daemon().name("bundle-read-ahead").start(() -> fill(source));
    }

    private void fill(InputStream source) {
        try {
            while (true) {
                byte[] buffer = free.take();
                int n = source.readNBytes(buffer, 0, CHUNK);
                if (n == 0) {
                    filled.put(new Chunk(buffer, END, null));
                    return;
                }
                filled.put(new Chunk(buffer, n, null));
            }
        } catch (IOException e) {
            filled.offer(new Chunk(null, END, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closed early: the reader is gone
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current == null || current.length() != END && offset == current.length()) {
            next();
        }
        if (current.length() == END) {
            return -1;
        }
        int n = Math.min(len, current.length() - offset);
        System.arraycopy(current.bytes(), offset, into, off, n);
        offset += n;
        return n;
    }

    private void next() throws IOException {
        if (current != null && current.bytes() != null) {
            free.add(current.bytes());
        }
        try {
            current = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the bundle");
        }
        offset = 0;
        if (current.failure() != null) {
            throw current.failure();
        }
    }

    /** Waits until the source has been read to its end (its digest is then complete); stops the thread otherwise. */
    @Override
    public void close() throws IOException {
        try {
            while (current == null || current.length() != END) {
                next();
            }
        } finally {
            reader.interrupt();
        }
    }
}
