package io.flagtrail.adapter.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The bucket on a clock the test moves: the burst, the wait it names, and the refill, without sleeping. */
class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void a_full_bucket_serves_its_burst_then_names_the_wait_for_the_next_token() {
        var bucket = new TokenBucket(2, 3, 0);

        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, bucket.take(0));
        }
        assertEquals(Duration.ofMillis(500), bucket.take(0), "one token every half second at two per second");
    }

    @Test
    void tokens_come_back_at_the_rate_and_never_beyond_the_capacity() {
        var bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }

        assertEquals(Duration.ZERO, bucket.take(SECOND / 2), "one token back after half a second");
        assertEquals(Duration.ofMillis(500), bucket.take(SECOND / 2));
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ZERO, bucket.take(100 * SECOND), "a long idle refills to the capacity");
        }
        assertEquals(Duration.ofMillis(500), bucket.take(100 * SECOND), "and no further");
    }

    @Test
    void a_partial_token_shortens_the_wait() {
        var bucket = new TokenBucket(2, 1, 0);
        bucket.take(0);

        assertEquals(Duration.ofMillis(300), bucket.take(SECOND / 5));
    }
}
