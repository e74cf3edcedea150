package io.flagtrail.domain.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes eight at a time (SWAR: a word's zero bytes, by the borrow trick): the offline verifier reads a
 * gigabyte of entries per million, nearly all of it inside strings it only needs to step over, so finding the next
 * quote, backslash or line end a byte at a time was its largest cost. The lowest flagged byte of a word is always a
 * true match (a borrow only flags bytes above a real zero), which is the only one taken.
 */
public final class ByteScan {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = ONES * '"';
    private static final long BACKSLASHES = ONES * '\\';

    private ByteScan() {
    }

    /** The index of the first {@code "} or {@code \} in {@code bytes[from, to)}, or {@code to} when there is none. */
    public static int quoteOrBackslash(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i);
            long found = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == '"' || bytes[i] == '\\') {
                return i;
            }
        }
        return to;
    }

    /** The index of the first {@code b} in {@code bytes[from, to)}, or {@code to} when there is none. */
    public static int indexOf(byte[] bytes, byte b, int from, int to) {
        long pattern = ONES * (b & 0xff);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return to;
    }

    /** The high bit of each byte of {@code word} that is zero (and maybe of bytes above the first such one). */
    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }
}
