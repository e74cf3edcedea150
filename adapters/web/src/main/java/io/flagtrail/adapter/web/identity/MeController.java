package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.adapter.web.identity.UserController.UserView;
import io.flagtrail.application.port.in.UserAccountUseCases.MyAccountUseCase;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;

/** {@code /api/v1/me}: one's own profile, and changing one's own password (which ends every session). */
@Controller("/api/v1/me")
@ProblemResponses
@Tag(name = "Users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
final class MeController {

    @Serdeable
    @Schema(name = "ChangePasswordRequest")
    record ChangePasswordRequest(@Nullable String currentPassword, @Nullable String newPassword) {
        @Override
        public String toString() {
            return "ChangePasswordRequest[***]";
        }
    }

    private final MyAccountUseCase account;

    MeController(MyAccountUseCase account) {
        this.account = account;
    }

    @Get
    @Operation(operationId = "me", summary = "The caller: id, e-mail, roles, grants")
    UserView me(Authentication user) {
        return UserView.of(account.me(UUID.fromString(user.getName())));
    }

    @Post("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeOwnPassword", summary = "Change one's own password (the current one is needed)")
    UserView changePassword(HttpRequest<?> request, Authentication user, @Body ChangePasswordRequest body) {
        return UserView.of(account.changePassword(UUID.fromString(user.getName()),
                UserController.chars(body.currentPassword()), UserController.chars(body.newPassword()),
                Origins.of(request, user)));
    }
}
