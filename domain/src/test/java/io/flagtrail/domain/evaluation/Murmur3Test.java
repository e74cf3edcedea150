package io.flagtrail.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

class Murmur3Test {

    @Property(tries = 500)
    void equals_commons_codec_for_any_text(@ForAll String text) {
        assertEquals(MurmurHash3.hash32x86(text.getBytes(StandardCharsets.UTF_8)), Murmur3.hash32(text));
    }

    @Test
    void buckets_are_pinned_so_that_users_keep_theirs_across_versions() {
        assertEquals(Integer.toUnsignedLong(MurmurHash3.hash32x86("checkout:user-1".getBytes(StandardCharsets.UTF_8))) % 100,
                Murmur3.bucket("checkout", "user-1"));
        assertEquals(Murmur3.bucket("checkout", "user-1"), Murmur3.bucket("checkout", "user-1"));
    }
}
