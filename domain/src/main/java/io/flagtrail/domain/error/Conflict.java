package io.flagtrail.domain.error;

/** The request is valid but clashes with the current state (a taken key, a change to a deleted feature). */
public final class Conflict extends DomainException {

    public Conflict(String code, String message) {
        super(code, message);
    }

    public static Conflict featureKeyTaken(String key) {
        return new Conflict("feature.key_taken", "a feature with key '" + key + "' already exists");
    }

    public static Conflict featureDeleted(String key) {
        return new Conflict("feature.deleted", "feature '" + key + "' is deleted: it can only be read or restored");
    }
}
