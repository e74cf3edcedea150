package io.flagtrail.domain.error;

/** The actor is known but may not do this. */
public final class PermissionDenied extends DomainException {

    public PermissionDenied(String code, String message) {
        super(code, message);
    }
}
