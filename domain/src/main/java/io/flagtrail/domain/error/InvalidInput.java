package io.flagtrail.domain.error;

import java.util.List;

/** Input that breaks a rule; lists every offending field so a caller can fix them all at once. */
public final class InvalidInput extends DomainException {

    private final List<FieldViolation> violations;

    public InvalidInput(List<FieldViolation> violations) {
        super("validation.failed", summary(violations));
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    private static String summary(List<FieldViolation> violations) {
        return violations.stream().map(v -> v.field() + " " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid input");
    }
}
