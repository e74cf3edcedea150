package io.flagtrail.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {

    @Test
    void members_are_sorted_by_utf16_code_units_and_whitespace_is_gone() {
        var map = new LinkedHashMap<String, Object>();
        map.put("b", List.of(1, "x", true));
        map.put("a", null);
        map.put("\u20ac", "euro");
        map.put("\r", "cr");
        map.put("1", Map.of("z", 1, "y", 2));

        assertEquals("{\"\\r\":\"cr\",\"1\":{\"y\":2,\"z\":1},\"a\":null,\"b\":[1,\"x\",true],\"\u20ac\":\"euro\"}",
                CanonicalJson.write(map));
    }

    @Test
    void strings_escape_only_what_json_stringify_escapes() {
        assertEquals("\"\\\"\\\\\\b\\f\\n\\r\\t\\u0001\\u001f/\u00e9\u2028\"",
                CanonicalJson.write("\"\\\b\f\n\r\t\u0001\u001f/\u00e9\u2028"));
    }

    @ParameterizedTest
    @CsvSource({
            "0.0, 0", "-0.0, 0", "1.0, 1", "4.5, 4.5", "0.002, 0.002", "1e21, 1e+21", "1e20, 100000000000000000000",
            "1e-7, 1e-7", "0.000001, 0.000001", "123456789012345680000, 123456789012345680000",
            "-1.5e-10, -1.5e-10", "9007199254740992, 9007199254740992", "333333333.3333333, 333333333.3333333",
            "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308"})
    void numbers_are_written_as_ecmascript_writes_them(double value, String expected) {
        assertEquals(expected, CanonicalJson.write(value));
    }

    @Test
    void raw_json_is_embedded_verbatim_and_nan_is_refused() {
        assertEquals("{\"a\":{\"x\":1}}", CanonicalJson.write(Map.of("a", new RawJson("{\"x\":1}"))));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(Double.NaN));
    }
}
