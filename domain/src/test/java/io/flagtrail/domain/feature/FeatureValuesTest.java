package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.Reason;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flagtrail.domain.error.FieldViolation;
import io.flagtrail.domain.error.InvalidInput;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeatureValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "checkout.new-flow", "a_b", "x1", "0"})
    void keys_that_are_slugs_are_accepted(String key) {
        assertDoesNotThrow(() -> new FeatureKey(key));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "a b", "-a", "a-", ".a", "a/b", "ä", "a\nb"})
    void keys_that_are_not_slugs_are_refused(String key) {
        var error = assertThrows(InvalidInput.class, () -> new FeatureKey(key));
        assertEquals("key", error.violations().getFirst().field());
    }

    @Test
    void a_key_is_at_most_64_characters() {
        assertDoesNotThrow(() -> new FeatureKey("a".repeat(64)));
        assertThrows(InvalidInput.class, () -> new FeatureKey("a".repeat(65)));
    }

    @Test
    void every_broken_attribute_is_reported_at_once() {
        var tags = IntStream.range(0, 21).mapToObj(i -> "t" + i).toList();
        var error = assertThrows(InvalidInput.class,
                () -> new FeatureAttributes("", "d".repeat(2001), 101, tags, "o\nwner"));

        assertEquals(List.of("name", "description", "rolloutPercentage", "tags", "owner"),
                error.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void limits_are_inclusive() {
        assertDoesNotThrow(() -> new FeatureAttributes("n".repeat(120), "d".repeat(2000), 0, List.of(), null));
        assertDoesNotThrow(() -> new FeatureAttributes("n", "", 100,
                IntStream.range(0, 20).mapToObj(i -> "t" + i).toList(), null));
        assertThrows(InvalidInput.class, () -> new FeatureAttributes("n".repeat(121), "", 0, List.of(), null));
        assertThrows(InvalidInput.class, () -> new FeatureAttributes("n", "", -1, List.of(), null));
    }

    @Test
    void tags_are_kept_sorted_and_unique_and_a_blank_owner_is_none() {
        var attributes = new FeatureAttributes("n", null, 5, List.of("b", "a", "b"), "  ");
        assertEquals(List.of("a", "b"), attributes.tags());
        assertNull(attributes.owner());
        assertEquals("", attributes.description());
    }

    @Test
    void a_reason_is_at_most_500_characters_and_blank_means_none() {
        assertNull(Reason.ofNullable("   "));
        assertEquals("why", Reason.ofNullable(" why ").text());
        assertDoesNotThrow(() -> Reason.ofNullable("r".repeat(500)));
        var error = assertThrows(InvalidInput.class, () -> Reason.ofNullable("r".repeat(501)));
        assertEquals("reason", error.violations().getFirst().field());
    }
}
