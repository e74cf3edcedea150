package io.flagtrail.adapter.security;

import io.flagtrail.application.port.out.PasswordHasher;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}.
 * Defaults follow OWASP's minimum (19 MiB, 2 iterations, 1 lane). A stored hash whose parameters are beyond
 * {@link #MAX_MEMORY_KIB} or {@link #MAX_ITERATIONS} is refused rather than computed: it would let one
 * planted row tie up the server.
 */
@Singleton
final class Argon2PasswordHasher implements PasswordHasher {

    static final int MAX_MEMORY_KIB = 1024 * 1024;
    static final int MAX_ITERATIONS = 16;
    private static final Pattern PHC = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final String dummyHash;

    Argon2PasswordHasher(@Value("${flagtrail.security.argon2.memory-kib:19456}") int memoryKib,
                         @Value("${flagtrail.security.argon2.iterations:2}") int iterations,
                         @Value("${flagtrail.security.argon2.parallelism:1}") int parallelism) {
        if (memoryKib < 19456 || iterations < 2 || parallelism < 1 || memoryKib > MAX_MEMORY_KIB || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id parameters must be memory 19456.." + MAX_MEMORY_KIB
                    + " KiB, iterations 2.." + MAX_ITERATIONS + ", parallelism >= 1");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.dummyHash = hash("timing-equaliser".toCharArray());
    }

    @Override
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        var phc = PHC.matcher(storedHash == null ? "" : storedHash);
        if (!phc.matches()) {
            return false;
        }
        int m = Integer.parseInt(phc.group(1));
        int t = Integer.parseInt(phc.group(2));
        int p = Integer.parseInt(phc.group(3));
        if (m > MAX_MEMORY_KIB || t > MAX_ITERATIONS || t < 1 || p < 1 || m < 8 * p) {
            return false;
        }
        byte[] expected = B64D.decode(phc.group(5));
        byte[] actual = derive(password, B64D.decode(phc.group(4)), m, t, p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return !storedHash.startsWith("$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$");
    }

    @Override
    public void burnEquivalentWork(char[] password) {
        matches(password, dummyHash);
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        var generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] secret = utf8(password);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        return out;
    }

    /** UTF-8 bytes of the password, never truncated or case-folded. */
    private static byte[] utf8(char[] password) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
