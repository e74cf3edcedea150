package io.flagtrail.domain.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One line of an exported ledger (RFC 8785 canonical JSON of the entry with its {@code hash} member), checked without
 * building the entry: removing one member from a canonical object leaves it canonical, so the line's bytes less its
 * {@code hash} member are what the chain rule hashed. Nothing is taken on trust: if those bytes hash to the stored
 * hash they are byte for byte what was sealed. One pass over the UTF-8 bytes finds the top-level {@code hash},
 * {@code position} and {@code prevHash} (structural characters are ASCII; no byte of a multi-byte sequence is).
 */
public final class SealedLine {

    private static final byte[] HASH = key(LedgerHash.HASH);
    private static final byte[] POSITION = key(LedgerHash.POSITION);
    private static final byte[] PREV_HASH = key(LedgerHash.PREV_HASH);
    private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** The hex of the last digest, and the stored hash of the line before (bytes and String). */
    private final byte[] computed = new byte[64];
    private final byte[] last = new byte[64];
    private String lastHash;
    private long position;
    private String prevHash;
    private String storedHash;
    private String computedHash;

    public long position() {
        return position;
    }

    public String prevHash() {
        return prevHash;
    }

    public String storedHash() {
        return storedHash;
    }

    /** SHA-256 of prevHash and the line less its hash member, hex: what the stored hash must be. */
    public String computedHash() {
        return computedHash;
    }

    /** Reads {@code line[0, length)}; refuses, saying why, a line that is no object with the three members. */
    public void read(byte[] line, int length) {
        if (length < 2 || line[0] != '{' || line[length - 1] != '}') {
            throw new IllegalArgumentException("not a JSON object");
        }
        int hashStart = -1;
        int hashEnd = -1;
        int storedAt = -1;
        int prevAt = -1;
        boolean positionSeen = false;
        int depth = 0;
        int i = 0;
        while (i < length) {
            byte b = line[i];
            if (b == '"') {
                int end = stringEnd(line, i, length);
                if (depth == 1 && end + 1 < length && line[end + 1] == ':') {
                    int value = end + 2;
                    if (startsWith(line, i, HASH)) {
                        hashStart = line[i - 1] == ',' ? i - 1 : i;
                        hashEnd = hexValue(line, value, length, "hash");
                        storedAt = value + 1;
                        if (hashStart == i && hashEnd < length && line[hashEnd] == ',') {
                            hashEnd++; // the first member: its comma follows it
                        }
                        i = hashEnd;
                        continue;
                    }
                    if (startsWith(line, i, POSITION)) {
                        position = number(line, value, length);
                        positionSeen = true;
                    } else if (startsWith(line, i, PREV_HASH) && line[value] == '"') {
                        hexValue(line, value, length, "prevHash");
                        prevAt = value + 1;
                    }
                }
                i = end + 1;
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                depth--;
            }
            i++;
        }
        if (depth != 0 || storedAt < 0 || prevAt < 0 || !positionSeen) {
            throw new IllegalArgumentException(depth != 0 ? "unbalanced brackets"
                    : "an entry needs " + (storedAt < 0 ? "hash" : prevAt < 0 ? "prevHash" : "position"));
        }
        var sha256 = Sha256.digest();
        sha256.update(line, prevAt, 64);
        sha256.update(line, 0, hashStart);
        sha256.update(line, hashEnd, length - hashEnd);
        hex(sha256.digest(), computed);
        // Strings only where they differ: the chain links each line's prevHash to the hash of the line before
        prevHash = Arrays.equals(line, prevAt, prevAt + 64, last, 0, 64) && lastHash != null ? lastHash
                : text(line, prevAt);
        computedHash = new String(computed, StandardCharsets.US_ASCII);
        storedHash = Arrays.equals(line, storedAt, storedAt + 64, computed, 0, 64) ? computedHash
                : text(line, storedAt);
        System.arraycopy(line, storedAt, last, 0, 64);
        lastHash = storedHash;
    }

    /** The index of the quote that closes the string opening at {@code start}. */
    private static int stringEnd(byte[] line, int start, int length) {
        if (line[start] != '"') {
            throw new IllegalArgumentException("a string was expected at byte " + start);
        }
        int i = start + 1;
        while ((i = ByteScan.quoteOrBackslash(line, i, length)) < length) {
            if (line[i] == '"') {
                return i;
            }
            i += 2; // a backslash and the character it escapes
        }
        throw new IllegalArgumentException("a string is not closed");
    }

    private static boolean startsWith(byte[] line, int at, byte[] key) {
        if (at + key.length > line.length) {
            return false;
        }
        for (int k = 0; k < key.length; k++) {
            if (line[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }

    /** Where the string value at {@code start} ends (after its closing quote); it must be 64 lower-case hex digits. */
    private static int hexValue(byte[] line, int start, int length, String member) {
        int end = stringEnd(line, start, length) + 1;
        if (end - start != 66) {
            throw new IllegalArgumentException(member + " is not 64 hex digits");
        }
        for (int i = start + 1; i < end - 1; i++) {
            byte b = line[i];
            if (!(b >= '0' && b <= '9' || b >= 'a' && b <= 'f')) {
                throw new IllegalArgumentException(member + " is not 64 hex digits");
            }
        }
        return end;
    }

    private static String text(byte[] line, int at) {
        return new String(line, at, 64, StandardCharsets.US_ASCII);
    }

    private static void hex(byte[] digest, byte[] into) {
        for (int i = 0; i < digest.length; i++) {
            into[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            into[2 * i + 1] = HEX[digest[i] & 0xf];
        }
    }

    /**
     * A non-negative integer as canonical JSON writes it: digits only, no leading zero, and at most 2^53 − 1, the
     * greatest that RFC 8785 (IEEE 754 doubles) writes exactly; a position beyond it cannot have been hashed as itself.
     */
    private static long number(byte[] line, int start, int length) {
        long value = 0;
        int i = start;
        while (i < length && line[i] >= '0' && line[i] <= '9') {
            value = value * 10 + (line[i] - '0');
            if (value > MAX_SAFE_INTEGER) {
                throw new IllegalArgumentException("position is beyond 2^53 - 1, which JSON cannot hold exactly");
            }
            i++;
        }
        if (i == start || (line[start] == '0' && i > start + 1) || i == length || (line[i] != ',' && line[i] != '}')) {
            throw new IllegalArgumentException("position is not a whole number");
        }
        return value;
    }

    private static byte[] key(String name) {
        return ("\"" + name + "\"").getBytes(StandardCharsets.US_ASCII);
    }
}
