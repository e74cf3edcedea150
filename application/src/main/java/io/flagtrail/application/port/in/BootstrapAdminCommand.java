package io.flagtrail.application.port.in;

/** The first administrator to create on an empty user table; with no password, one is generated. */
public record BootstrapAdminCommand(String email, char[] password) {

    @Override
    public String toString() {
        return "BootstrapAdminCommand[email=" + email + ", password=***]";
    }
}
