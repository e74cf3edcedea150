package io.flagtrail.adapter.web.identity;

import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemDetails;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * {@code /api/v1/users}, ADMIN only: create, list, read, change roles and grants, disable, enable, reset a password.
 * A grant is written {@code ROLE@project} or {@code ROLE@project/environment} (EDITOR or VIEWER).
 */
@Controller("/api/v1/users")
@ProblemResponses
@Tag(name = "Users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
final class UserController {

    @Serdeable
    @Schema(name = "User")
    record UserView(UUID id, String email, String displayName, List<String> roles, List<String> grants, String status,
                    Instant createdAt, @Nullable Instant lastLoginAt) {
        static UserView of(User u) {
            return new UserView(u.id(), u.email().value(), u.displayName(),
                    u.roles().stream().map(Enum::name).sorted().toList(),
                    Grant.written(u.grants()), u.status().name(), u.createdAt(),
                    u.lastLoginAt());
        }
    }

    @Serdeable
    @Schema(name = "CreateUserRequest")
    record CreateUserRequest(@Nullable String email, @Nullable String displayName, @Nullable List<String> roles,
                             @Nullable List<String> grants, @Nullable String password) {
        @Override
        public String toString() {
            return "CreateUserRequest[email=" + email + ", roles=" + roles + ", grants=" + grants + ", password=***]";
        }
    }

    @Serdeable
    @Schema(name = "RolesRequest")
    record RolesRequest(@Nullable List<String> roles) {
    }

    @Serdeable
    @Schema(name = "GrantsRequest")
    record GrantsRequest(@Nullable List<String> grants) {
    }

    @Serdeable
    @Schema(name = "PasswordRequest")
    record PasswordRequest(@Nullable String password) {
        @Override
        public String toString() {
            return "PasswordRequest[password=***]";
        }
    }

    private final ManageUsersUseCase users;

    UserController(ManageUsersUseCase users) {
        this.users = users;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createUser", summary = "Create a user with roles and an initial password")
    @ApiResponse(responseCode = "201", description = "created; Location names it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = UserView.class)))
    @ApiResponse(responseCode = "409", description = "the key or e-mail is taken", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    MutableHttpResponse<UserView> create(HttpRequest<?> request, Authentication admin, @Body CreateUserRequest body) {
        var created = users.create(new CreateUserCommand(body.email(), body.displayName(), roles(body.roles()),
                Grant.parseAll(body.grants()), chars(body.password()), Origins.of(request, admin)));
        return HttpResponse.created(UserView.of(created), URI.create("/api/v1/users/" + created.id()));
    }

    @Get
    @Operation(operationId = "listUsers", summary = "List users")
    PageResponse<UserView> list(@Nullable @QueryValue String limit, @Nullable @QueryValue String cursor) {
        var page = users.list(Params.limit(limit), cursor);
        return new PageResponse<>(page.items().stream().map(UserView::of).toList(), page.nextCursor());
    }

    @Get("/{id}")
    @Operation(operationId = "getUser", summary = "One user")
    @NotFoundResponse
    UserView get(@PathVariable String id) {
        return UserView.of(users.get(id(id)));
    }

    @Put("/{id}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserRoles", summary = "Replace a user's roles (the last active ADMIN is protected)")
    @NotFoundResponse
    @ApiResponse(responseCode = "409", description = "the last active ADMIN cannot lose ADMIN or be disabled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    UserView roles(HttpRequest<?> request, Authentication admin, @PathVariable String id, @Body RolesRequest body) {
        return UserView.of(users.changeRoles(id(id), roles(body.roles()), Origins.of(request, admin)));
    }

    @Put("/{id}/grants")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "setUserGrants", summary = "Replace a user's grants in projects and environments "
            + "(ROLE@project or ROLE@project/environment; EDITOR or VIEWER)")
    @NotFoundResponse
    UserView grants(HttpRequest<?> request, Authentication admin, @PathVariable String id, @Body GrantsRequest body) {
        if (body.grants() == null) {
            throw InvalidInput.of("grants", "must be a list (empty to remove every grant)");
        }
        return UserView.of(users.changeGrants(id(id), Grant.parseAll(body.grants()), Origins.of(request, admin)));
    }

    @Post("/{id}/disable")
    @Operation(operationId = "disableUser", summary = "Disable a user; their sessions end on the next request")
    @NotFoundResponse
    @ApiResponse(responseCode = "409", description = "the last active ADMIN cannot lose ADMIN or be disabled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    UserView disable(HttpRequest<?> request, Authentication admin, @PathVariable String id) {
        return UserView.of(users.disable(id(id), Origins.of(request, admin)));
    }

    @Post("/{id}/enable")
    @Operation(operationId = "enableUser", summary = "Enable a user again")
    @NotFoundResponse
    @ApiResponse(responseCode = "409", description = "the last active ADMIN cannot lose ADMIN or be disabled",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetails.class)))
    UserView enable(HttpRequest<?> request, Authentication admin, @PathVariable String id) {
        return UserView.of(users.enable(id(id), Origins.of(request, admin)));
    }

    @Post("/{id}/reset-password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resetUserPassword", summary = "Set a new password for a user")
    @NotFoundResponse
    UserView resetPassword(HttpRequest<?> request, Authentication admin, @PathVariable String id,
                           @Body PasswordRequest body) {
        return UserView.of(users.resetPassword(id(id), chars(body.password()), Origins.of(request, admin)));
    }

    static char[] chars(String secret) {
        return secret == null ? new char[0] : secret.toCharArray();
    }

    /** The roles named; none is for the account to refuse unless it has grants. */
    private static Set<Role> roles(List<String> names) {
        return Role.parseAll("roles", names);
    }

    private static UUID id(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("id", "must be a user id (a UUID)");
        }
    }
}
