package io.flagtrail.application.port.in;

import io.flagtrail.domain.user.User;

/** Checks credentials; answers the user, or throws {@code Unauthenticated} without saying which part was wrong. */
public interface LogInUseCase {
    User logIn(LogInCommand command);
}
