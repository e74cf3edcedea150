package io.flagtrail.domain.error;

/** The caller could not be identified: wrong credentials, or none. Says no more than that, on purpose. */
public final class Unauthenticated extends DomainException {

    public Unauthenticated(String code, String message) {
        super(code, message);
    }

    public static Unauthenticated badCredentials() {
        return new Unauthenticated("auth.bad_credentials", "the e-mail or password is wrong");
    }
}
