package io.flagtrail.adapter.web.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe from one writer thread to one reader, in 256 KB chunks. Unlike {@link java.io.PipedInputStream} it
 * does not tie itself to the threads that used it (the server reads each chunk on whichever thread it likes), it
 * hands the writer's failure to the reader, and a reader that cancels makes the writer stop.
 */
final class ChunkPipe {

    private static final byte[] END = new byte[0];
    private static final int CHUNK = 1 << 18;
    private static final long STALL_MINUTES = 10;

    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
    private volatile boolean readerClosed;
    private volatile IOException writerFailure;

    final OutputStream out = new OutputStream() {
        private byte[] buffer = new byte[CHUNK];
        private int used;

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(bytes, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
                if (used == buffer.length) {
                    flush();
                }
            }
        }

        @Override
        public void flush() throws IOException {
            if (used > 0) {
                put(Arrays.copyOf(buffer, used));
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flush();
            put(END);
        }
    };

    /** The next chunk for the reader, or null at the end; the writer's failure, if any, is thrown here. */
    byte[] next() throws IOException {
        byte[] chunk = take();
        return chunk == END ? null : chunk;
    }

    /** The reader is gone (the client disconnected): the writer stops at its next write. */
    void cancel() {
        readerClosed = true;
        chunks.clear();
    }

    /** Ends the stream with a failure the reader will see instead of a silently short download. */
    void fail(IOException failure) {
        writerFailure = failure;
        chunks.offer(END);
    }

    private void put(byte[] chunk) throws IOException {
        try {
            while (!chunks.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (readerClosed) {
                    throw new IOException("the client went away");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private byte[] take() throws IOException {
        try {
            byte[] chunk = chunks.poll(STALL_MINUTES, TimeUnit.MINUTES);
            if (chunk == null) {
                throw new IOException("the download stalled");
            }
            if (chunk == END && writerFailure != null) {
                throw writerFailure;
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }
}
