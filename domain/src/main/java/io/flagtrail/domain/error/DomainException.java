package io.flagtrail.domain.error;

/**
 * A failure a caller can cause and understand; carries a stable machine-readable code such as {@code feature.not_found}.
 * The sealed kinds tell a driving adapter how to answer (bad input, missing, conflicting, stale).
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, Unauthenticated, NotFound, Conflict, StaleVersion, PermissionDenied, TryLater {

    private final String code;

    protected DomainException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** The stable code, part of the public contract: never reworded once published. */
    public String code() {
        return code;
    }
}
