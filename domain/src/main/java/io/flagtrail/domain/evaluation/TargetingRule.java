package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.json.JsonNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** If the context's {@code attribute} satisfies {@code operator} with {@code values}, serve {@code variant}. */
public record TargetingRule(String attribute, Operator operator, List<Object> values, String variant) {

    public static final int MAX_VALUES = 500;
    private static final Set<String> FIELDS = Set.of("attribute", "operator", "values", "variant");

    public TargetingRule {
        var checks = new Violations()
                .check(attribute != null && !attribute.isBlank() && attribute.length() <= 100, "attribute",
                        "must be 1 to 100 characters")
                .check(operator != null, "operator", "must be one of " + Operator.NAMES)
                .check(values != null && values.size() <= MAX_VALUES, "values",
                        "must be a list of at most " + MAX_VALUES + " values")
                .check(variant != null && !variant.isBlank(), "variant", "must name a variant");
        var normalized = new ArrayList<>();
        if (values != null && values.size() <= MAX_VALUES) {
            for (int i = 0; i < values.size(); i++) {
                try {
                    normalized.add(JsonValues.normalize(values.get(i)));
                } catch (JsonNumbers.NumberOutOfRange e) {
                    checks.check(false, "values[" + i + "]", e.getMessage());
                } catch (IllegalArgumentException e) {
                    checks.check(false, "values[" + i + "]", "must be a string, number or boolean");
                }
            }
        }
        if (operator != null && values != null) {
            checks.check(operator.takesOneValue() ? values.size() == 1 : !values.isEmpty(), "values",
                    operator.takesOneValue() ? "must hold exactly one value for " + operator.jsonName()
                            : "must hold at least one value");
            normalized.stream().map(operator::refuses).filter(r -> r != null).findFirst()
                    .ifPresent(refusal -> checks.check(false, "values", refusal));
        }
        checks.throwIfAny();
        values = List.copyOf(normalized);
    }

    /** The rule as JSON describes it: {@code {"attribute", "operator", "values", "variant"}}, every field checked. */
    static TargetingRule fromJson(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw InvalidInput.of("", "must be an object with attribute, operator, values and variant");
        }
        var unknown = map.keySet().stream().map(String::valueOf).filter(k -> !FIELDS.contains(k)).sorted().toList();
        var operator = map.get("operator") instanceof String name ? Operator.fromJsonName(name) : null;
        var values = map.get("values");
        var shape = new Violations()
                .check(unknown.isEmpty(), "", "unknown fields " + unknown + "; a rule has " + FIELDS.stream().sorted().toList())
                .check(map.get("attribute") == null || map.get("attribute") instanceof String, "attribute", "must be a string")
                .check(values instanceof List<?>, "values", "must be a list")
                .check(map.get("variant") == null || map.get("variant") instanceof String, "variant", "must be a string");
        if (!shape.isEmpty()) {
            shape.check(operator != null, "operator", "must be one of " + Operator.NAMES).throwIfAny();
        }
        @SuppressWarnings("unchecked")
        var list = (List<Object>) values;
        // an unknown operator is reported by the constructor together with the rule's other errors
        return new TargetingRule((String) map.get("attribute"), operator, list, (String) map.get("variant"));
    }

    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("attribute", attribute);
        json.put("operator", operator.jsonName());
        json.put("values", values);
        json.put("variant", variant);
        return json;
    }

    /** {@code targetingKey} is an attribute too, as OpenFeature has it. */
    boolean matches(EvaluationContext context) {
        Object actual = attribute.equals("targetingKey") ? context.targetingKey() : context.attributes().get(attribute);
        return operator.test(actual, values);
    }
}
