package io.flagtrail.domain.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.error.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagDefinitionTest {

    final Map<String, Object> variants = variants();
    final FlagDefinition banner = new FlagDefinition("banner", true, variants, List.of(
            new TargetingRule("country", Operator.IN, List.of("FR", "BE"), "french"),
            new TargetingRule("appVersion", Operator.SEMVER_LESS_THAN, List.of("2.0.0"), "legacy"),
            new TargetingRule("email", Operator.ENDS_WITH, List.of("@example.com"), "staff")),
            "default", "none", 100);

    @Test
    void the_first_matching_rule_serves_its_variant() {
        var french = banner.evaluate(new EvaluationContext("u1", Map.of("country", "FR", "email", "a@example.com")));
        var staff = banner.evaluate(new EvaluationContext("u1", Map.of("country", "DE", "email", "a@example.com")));

        assertEquals("french", french.variant());
        assertEquals("Bonjour", french.value());
        assertEquals(EvaluationReason.TARGETING_MATCH, french.reason());
        assertEquals("staff", staff.variant());
    }

    @Test
    void nothing_matching_serves_the_default_statically_and_disabled_serves_off() {
        var plain = banner.evaluate(new EvaluationContext(null, Map.of("country", "DE")));
        var off = new FlagDefinition("banner", false, variants, List.of(), "default", "none", 100)
                .evaluate(new EvaluationContext("u1", Map.of()));

        assertEquals(EvaluationReason.STATIC, plain.reason());
        assertEquals(Map.of("text", "Hello", "size", 3), plain.value());
        assertEquals(EvaluationReason.DISABLED, off.reason());
        assertEquals(false, off.value());
    }

    @Test
    void semantic_versions_and_numbers_compare_as_such_and_never_match_what_they_are_not() {
        assertEquals("legacy", banner.evaluate(new EvaluationContext("u", Map.of("appVersion", "1.10.0"))).variant());
        assertEquals("default", banner.evaluate(new EvaluationContext("u", Map.of("appVersion", "2.0.0"))).variant());
        assertEquals("legacy", banner.evaluate(new EvaluationContext("u", Map.of("appVersion", "2.0.0-rc.1"))).variant());
        assertEquals("default", banner.evaluate(new EvaluationContext("u", Map.of("appVersion", "latest"))).variant());
        assertTrue(Operator.GREATER_THAN.test(10, List.of(9.5)));
        assertFalse(Operator.LESS_THAN.test("ten", List.of(11)));
        assertTrue(Operator.NOT_IN.test(null, List.of("x")));
        assertTrue(Operator.IN.test(2, List.of(2.0)));
    }

    @Test
    void a_rollout_needs_a_targeting_key() {
        var flag = FlagDefinition.plain("checkout", true, 50);
        var missing = assertThrows(InvalidInput.class, () -> flag.evaluate(new EvaluationContext(" ", Map.of())));
        assertEquals("targetingKey", missing.violations().getFirst().field());
        assertEquals(EvaluationReason.STATIC, FlagDefinition.plain("checkout", true, 100)
                .evaluate(new EvaluationContext(null, Map.of())).reason());
    }

    @Test
    void a_rule_or_default_naming_an_unknown_variant_is_refused() {
        assertThrows(InvalidInput.class, () -> new FlagDefinition("f", true, variants, List.of(
                new TargetingRule("a", Operator.EQUALS, List.of("b"), "nope")), "default", "none", 100));
        assertThrows(InvalidInput.class, () -> new FlagDefinition("f", true, variants, List.of(), "missing", "none", 100));
    }

    private static Map<String, Object> variants() {
        var v = new LinkedHashMap<String, Object>();
        v.put("default", Map.of("text", "Hello", "size", 3));
        v.put("french", "Bonjour");
        v.put("legacy", "Hi");
        v.put("staff", "Hello team");
        v.put("none", false);
        return v;
    }
}
