package io.flagtrail.application.port.out;

/** Known breached or common passwords, which no account may use. */
public interface PasswordBlocklist {

    /** Whether the password is on the list (compared without regard to case). */
    boolean contains(char[] password);
}
