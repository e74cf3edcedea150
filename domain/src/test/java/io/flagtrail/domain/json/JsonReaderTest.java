package io.flagtrail.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void nesting_up_to_the_limit_is_read() {
        Object value = JsonReader.parse("[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH));
        int depth = 0;
        while (value instanceof List<?> list) {
            depth++;
            value = list.isEmpty() ? null : list.getFirst();
        }
        assertEquals(JsonReader.MAX_DEPTH, depth);
    }

    /** Found by OpenApiFuzzTest: three thousand '[' overflowed the stack and answered 500. */
    @Test
    void deeper_nesting_is_refused_as_malformed_not_a_stack_overflow() {
        for (String opening : List.of("[", "{\"a\":")) {
            String closing = opening.equals("[") ? "]" : "}";
            var refused = assertThrows(IllegalArgumentException.class,
                    () -> JsonReader.parse(opening.repeat(100_000) + "1" + closing.repeat(100_000)));
            assertEquals("malformed JSON at offset " + opening.length() * JsonReader.MAX_DEPTH
                    + ": nested deeper than " + JsonReader.MAX_DEPTH + " levels", refused.getMessage());
        }
    }
}
