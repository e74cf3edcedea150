package io.flagtrail.bootstrap.system;

import io.flagtrail.application.port.out.IdGenerator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.UUID;

/** RFC 9562 UUIDv7: 48 bits of Unix milliseconds, then random bits; ids sort by creation time. */
@Singleton
final class UuidV7Generator implements IdGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = random.nextLong() & 0xFFFL;
        long randB = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long high = (millis << 16) | 0x7000L | randA;
        long low = 0x8000_0000_0000_0000L | randB;
        return new UUID(high, low);
    }
}
