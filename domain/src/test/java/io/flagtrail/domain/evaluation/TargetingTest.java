package io.flagtrail.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.error.FieldViolation;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetingTest {

    @Test
    void targeting_read_back_from_its_json_equals_what_was_written_whatever_the_number_types() {
        var written = Targeting.of(Map.of("small", 1, "large", new BigDecimal("2.5"), "big", 10_000_000_000L),
                List.of(Map.of("attribute", "age", "operator", "greater_than_or_equal", "values", List.of(18),
                        "variant", "large")), "small", "big");

        var readBack = Targeting.fromJson(JsonReader.parseObject(CanonicalJson.write(written.toJson())));

        assertEquals(written, readBack);
        assertEquals(1L, readBack.variants().get("small"));
        assertEquals(2.5, readBack.variants().get("large"));
    }

    @Test
    void every_broken_rule_is_named_by_its_place() {
        var refused = assertThrows(InvalidInput.class, () -> Targeting.of(Map.of("a", "A", "b", "B"), List.of(
                Map.of("attribute", "country", "operator", "in", "values", List.of("FR"), "variant", "a"),
                Map.of("attribute", "country", "operator", "like", "values", List.of("FR"), "variant", "a"),
                Map.of("attribute", "version", "operator", "semver_less_than", "values", List.of("two"), "variant", "b"),
                Map.of("attribute", "age", "operator", "equals", "values", List.of(1, 2), "variant", "b"),
                Map.of("attribute", "age", "operator", "in", "values", List.of(1), "variant", "c", "extra", 1),
                "not an object"), "a", "b"));

        assertEquals(List.of(
                new FieldViolation("rules[1].operator", "must be one of " + Operator.NAMES),
                new FieldViolation("rules[2].values", "must be a semantic version such as 2.1.0"),
                new FieldViolation("rules[3].values", "must hold exactly one value for equals"),
                new FieldViolation("rules[4]", "unknown fields [extra]; a rule has [attribute, operator, values, variant]"),
                new FieldViolation("rules[5]", "must be an object with attribute, operator, values and variant")),
                refused.violations());
    }

    @Test
    void variants_must_be_named_and_of_one_kind_and_rules_may_only_serve_them() {
        var mixed = new LinkedHashMap<String, Object>();
        mixed.put("on", true);
        mixed.put("text", "x");
        mixed.put("bad name", "y");

        var refused = assertThrows(InvalidInput.class, () -> Targeting.of(mixed,
                List.of(Map.of("attribute", "a", "operator", "in", "values", List.of("x"), "variant", "ghost")), "on", "nope"));

        var fields = refused.violations().stream().map(FieldViolation::field).toList();
        assertEquals(List.of("variants", "variants", "offVariant", "rules[0].variant"), fields);
        assertThrows(InvalidInput.class, () -> Targeting.of(Map.of("list", List.of(1)), List.of(), "list", "list"));
        assertThrows(InvalidInput.class, () -> Targeting.of(Map.of(), List.of(), "on", "off"));
    }

    @Test
    void targeting_is_bounded_in_size() {
        var huge = Map.<String, Object>of("a", Map.of("blob", "x".repeat(Targeting.MAX_BYTES)));
        var refused = assertThrows(InvalidInput.class, () -> Targeting.of(huge, List.of(), "a", "a"));
        assertTrue(refused.getMessage().contains("at most 65536 bytes"), refused.getMessage());
    }

    @Test
    void a_patch_replaces_only_the_parts_it_names_and_checks_them_together() {
        var colours = TargetingPatch.NONE.applyTo(Targeting.PLAIN);
        assertEquals(Targeting.PLAIN, colours);

        var patched = new TargetingPatch(Map.of("red", "#f00", "blue", "#00f"), null, "red", "blue")
                .applyTo(Targeting.PLAIN);
        var withRule = new TargetingPatch(null, List.of(Map.of("attribute", "plan", "operator", "equals",
                "values", List.of("pro"), "variant", "blue")), null, null).applyTo(patched);

        assertEquals("red", withRule.defaultVariant());
        assertEquals(1, withRule.rules().size());
        var redOnly = new TargetingPatch(Map.of("red", "#f00"), List.of(), null, null).applyTo(withRule);
        assertEquals("red", redOnly.offVariant(), "without an off variant of its own, the default is served when off");
        var refused = assertThrows(InvalidInput.class,
                () -> new TargetingPatch(Map.of("green", "#0f0"), List.of(), null, null).applyTo(withRule));
        assertEquals(List.of("defaultVariant", "offVariant"), refused.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void an_unknown_operator_does_not_hide_the_rules_other_errors() {
        var refused = assertThrows(InvalidInput.class, () -> Targeting.of(Map.of("a", 1, "b", 2),
                List.of(Map.of("attribute", "", "operator", "like", "values", List.of(), "variant", " ")), "a", "b"));

        assertEquals(List.of("rules[0].attribute", "rules[0].operator", "rules[0].variant"),
                refused.violations().stream().map(FieldViolation::field).toList());
    }
}
