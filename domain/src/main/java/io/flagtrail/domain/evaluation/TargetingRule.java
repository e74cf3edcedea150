package io.flagtrail.domain.evaluation;

import io.flagtrail.domain.error.Violations;
import java.util.List;

/** If the context's {@code attribute} satisfies {@code operator} with {@code values}, serve {@code variant}. */
public record TargetingRule(String attribute, Operator operator, List<Object> values, String variant) {

    public TargetingRule {
        new Violations()
                .check(attribute != null && !attribute.isBlank() && attribute.length() <= 100, "rules.attribute",
                        "must be 1 to 100 characters")
                .check(operator != null, "rules.operator", "must be one of " + List.of(Operator.values()))
                .check(values != null && values.size() <= 500, "rules.values", "must be a list of at most 500 values")
                .check(variant != null && !variant.isBlank(), "rules.variant", "must name a variant")
                .throwIfAny();
        values = List.copyOf(values);
    }

    /** {@code targetingKey} is an attribute too, as OpenFeature has it. */
    boolean matches(EvaluationContext context) {
        Object actual = attribute.equals("targetingKey") ? context.targetingKey() : context.attributes().get(attribute);
        return operator.test(actual, values);
    }

}
