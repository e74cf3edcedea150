package io.flagtrail.domain.evaluation;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3, x86 32-bit, seed 0, over the UTF-8 bytes of a string: the rollout bucket hash. Written out here so the
 * domain needs no library; it equals commons-codec's {@code MurmurHash3.hash32x86} (a test pins that), so any SDK or
 * service that hashes the same way puts a user in the same bucket.
 */
public final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    public static int hash32(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int hash = 0;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int k = (data[i * 4] & 0xff) | (data[i * 4 + 1] & 0xff) << 8 | (data[i * 4 + 2] & 0xff) << 16
                    | (data[i * 4 + 3] & 0xff) << 24;
            hash ^= mix(k);
            hash = Integer.rotateLeft(hash, 13) * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k = 0;
        switch (data.length - tail) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
            case 1:
                k ^= data[tail] & 0xff;
                hash ^= mix(k);
            default:
                break;
        }
        hash ^= data.length;
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }

    /** The rollout bucket, 0 to 99, of a targeting key for a feature: stable across restarts and versions. */
    public static int bucket(String featureKey, String targetingKey) {
        return (int) (Integer.toUnsignedLong(hash32(featureKey + ":" + targetingKey)) % 100);
    }

    private static int mix(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }
}
