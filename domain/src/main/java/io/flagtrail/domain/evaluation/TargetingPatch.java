package io.flagtrail.domain.evaluation;

import java.util.List;
import java.util.Map;

/**
 * A change to a feature's targeting as JSON-shaped parts; a null part stays as it is. The parts are checked
 * together once applied, so a new variant and the rule that serves it can come in one change.
 */
public record TargetingPatch(Map<String, Object> variants, List<?> rules, String defaultVariant, String offVariant) {

    public static final TargetingPatch NONE = new TargetingPatch(null, null, null, null);

    public boolean isEmpty() {
        return variants == null && rules == null && defaultVariant == null && offVariant == null;
    }

    /** {@code base} with this patch's parts in place of its own. */
    public Targeting applyTo(Targeting base) {
        if (isEmpty()) {
            return base;
        }
        return new Targeting(variants != null ? variants : base.variants(),
                rules != null ? Targeting.parseRules(rules) : base.rules(),
                defaultVariant != null ? defaultVariant : base.defaultVariant(),
                offVariant != null ? offVariant : base.offVariant());
    }
}
