package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {

    final Argon2PasswordHasher hasher = new Argon2PasswordHasher(19456, 2, 1);

    @Test
    void a_hash_is_a_salted_argon2id_phc_string_that_matches_only_its_password() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertNotEquals(hash, hasher.hash("correct horse battery".toCharArray()));
        assertTrue(hasher.matches("correct horse battery".toCharArray(), hash));
        assertFalse(hasher.matches("Correct horse battery".toCharArray(), hash));
        assertFalse(hasher.needsRehash(hash));
    }

    @Test
    void long_passwords_are_never_truncated() {
        String base = "p".repeat(100);
        String hash = hasher.hash((base + "A").toCharArray());

        assertFalse(hasher.matches((base + "B").toCharArray(), hash));
        assertTrue(hasher.matches((base + "A").toCharArray(), hash));
    }

    @Test
    void hashes_made_with_other_parameters_need_a_rehash_but_still_match() {
        var stronger = new Argon2PasswordHasher(19456, 3, 1);
        String old = hasher.hash("pw-123456789012".toCharArray());

        assertTrue(stronger.needsRehash(old));
        assertTrue(stronger.matches("pw-123456789012".toCharArray(), old));
    }

    @Test
    void stored_hashes_with_absurd_parameters_are_refused_without_computing_them() {
        String absurd = "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";
        String tooManyPasses = "$argon2id$v=19$m=19456,t=999,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

        assertFalse(hasher.matches("anything".toCharArray(), absurd));
        assertFalse(hasher.matches("anything".toCharArray(), tooManyPasses));
        assertFalse(hasher.matches("anything".toCharArray(), "not a hash"));
    }

    @Test
    void configured_parameters_below_the_owasp_minimum_are_refused() {
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(4096, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2PasswordHasher(19456, 1, 1));
    }
}
