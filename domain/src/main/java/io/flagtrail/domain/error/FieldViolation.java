package io.flagtrail.domain.error;

/** One broken rule on one input field. */
public record FieldViolation(String field, String message) {
}
