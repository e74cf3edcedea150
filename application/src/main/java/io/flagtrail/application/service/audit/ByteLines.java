package io.flagtrail.application.service.audit;

import io.flagtrail.domain.ledger.ByteScan;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as bytes, one at a time into one reused buffer: the offline verifier reads millions of
 * entries and needs neither a String nor a copy per line. A line ends at {@code \n}; the last may lack it.
 */
final class ByteLines {

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkStart;
    private int chunkEnd;
    private byte[] line = new byte[1 << 12];
    private int length;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Reads the next line (without its {@code \n}); false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (chunkStart == chunkEnd) {
                chunkEnd = in.read(chunk);
                chunkStart = 0;
                if (chunkEnd <= 0) {
                    chunkEnd = 0;
                    return any;
                }
            }
            any = true;
            int newline = ByteScan.indexOf(chunk, (byte) '\n', chunkStart, chunkEnd);
            append(chunkStart, newline);
            chunkStart = Math.min(newline + 1, chunkEnd);
            if (newline < chunkEnd) {
                return true;
            }
        }
    }

    byte[] line() {
        return line;
    }

    int length() {
        return length;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }
}
