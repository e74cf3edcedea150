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
    final FlagDefinition banner = new FlagDefinition("banner", true, new Targeting(variants, List.of(
            new TargetingRule("country", Operator.IN, List.of("FR", "BE"), "french"),
            new TargetingRule("appVersion", Operator.SEMVER_LESS_THAN, List.of("2.0.0"), "legacy"),
            new TargetingRule("email", Operator.ENDS_WITH, List.of("@example.com"), "staff")),
            "default", "none"), 100);

    @Test
    void the_first_matching_rule_serves_its_variant() {
        var french = banner.evaluate(new EvaluationContext("u1", Map.of("country", "FR", "email", "a@example.com")));
        var staff = banner.evaluate(new EvaluationContext("u1", Map.of("country", "DE", "email", "a@example.com")));

        assertEquals("french", french.variant());
        assertEquals(Map.of("text", "Bonjour"), french.value());
        assertEquals(EvaluationReason.TARGETING_MATCH, french.reason());
        assertEquals("staff", staff.variant());
    }

    @Test
    void nothing_matching_serves_the_default_statically_and_disabled_serves_off() {
        var plain = banner.evaluate(new EvaluationContext(null, Map.of("country", "DE")));
        var off = new FlagDefinition("banner", false, banner.targeting(), 100)
                .evaluate(new EvaluationContext("u1", Map.of()));

        assertEquals(EvaluationReason.STATIC, plain.reason());
        assertEquals(Map.of("text", "Hello", "size", 3L), plain.value());
        assertEquals(EvaluationReason.DISABLED, off.reason());
        assertEquals(Map.of(), off.value());
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
    void outside_the_rollout_callers_get_the_off_variant_and_rules_still_match_everyone() {
        var half = new FlagDefinition("banner", true, banner.targeting(), 50);
        var served = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> half.evaluate(new EvaluationContext("user-" + i, Map.of())).variant())
                .collect(java.util.stream.Collectors.toSet());

        assertEquals(java.util.Set.of("default", "none"), served);
        assertEquals("french", half.evaluate(new EvaluationContext("user-1", Map.of("country", "BE"))).variant());
    }

    private static Map<String, Object> variants() {
        var v = new LinkedHashMap<String, Object>();
        v.put("default", Map.of("text", "Hello", "size", 3));
        v.put("french", Map.of("text", "Bonjour"));
        v.put("legacy", Map.of("text", "Hi"));
        v.put("staff", Map.of("text", "Hello team"));
        v.put("none", Map.of());
        return v;
    }
}
