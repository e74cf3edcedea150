package io.flagtrail.application.port.out;

/** One-way password hashing (Argon2id in production). */
public interface PasswordHasher {

    String hash(char[] password);

    /** Whether the password matches the stored hash. */
    boolean matches(char[] password, String storedHash);

    /** Whether the stored hash was made with other parameters than today's, so it should be replaced on login. */
    boolean needsRehash(String storedHash);

    /** Costs as much as a real check; called for unknown e-mails so that timing does not tell which exist. */
    void burnEquivalentWork(char[] password);
}
