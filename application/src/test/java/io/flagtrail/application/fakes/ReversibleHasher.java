package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.PasswordHasher;

/** A fast stand-in for Argon2id: {@code v2:<reversed password>}; hashes with another prefix need a rehash. */
public final class ReversibleHasher implements PasswordHasher {

    public static final String CURRENT = "v2:";
    private int burned;

    public int burned() {
        return burned;
    }

    @Override
    public String hash(char[] password) {
        return CURRENT + new StringBuilder(new String(password)).reverse();
    }

    @Override
    public boolean matches(char[] password, String storedHash) {
        return storedHash.substring(storedHash.indexOf(':') + 1)
                .equals(new StringBuilder(new String(password)).reverse().toString());
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return !storedHash.startsWith(CURRENT);
    }

    @Override
    public void burnEquivalentWork(char[] password) {
        burned++;
    }
}
