package io.flagtrail.application.port.in;

import io.flagtrail.domain.audit.RequestContext;
import java.util.Objects;

/** Log in with an e-mail and password. The password is a char array so that it can be wiped after use. */
public record LogInCommand(String email, char[] password, RequestContext context) {

    public LogInCommand {
        Objects.requireNonNull(context, "context");
        email = email == null ? "" : email;
        password = password == null ? new char[0] : password;
    }

    @Override
    public String toString() {
        return "LogInCommand[email=" + email + ", password=***]";
    }
}
