package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Role;
import io.flagtrail.domain.user.User;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flagtrail users …}: the users admin use cases. A user is named by id or e-mail. Passwords are read from
 * standard input (one line), never from the command line, where other users of the machine could see them.
 */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Create and administer users.")
final class UsersCommand extends CliCommand {

    @Inject ManageUsersUseCase users;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Users by e-mail.")
    int list(@Option(names = "--limit", defaultValue = "50") int limit, @Option(names = "--cursor") String cursor) {
        printPage(users.list(limit, cursor), UsersCommand::view, Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a user; the password is read from standard input (one line).")
    int create(@Option(names = "--email", required = true) String email, @Option(names = "--name") String name,
               @Option(names = "--roles", required = true, split = ",", description = "e.g. EDITOR or VIEWER,AUDITOR")
               List<String> roles) {
        var created = users.create(new CreateUserCommand(email, name, roles(roles), passwordFromStdin(), CliOrigin.current()));
        print(view(created), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Add roles to a user.")
    int grant(@Parameters(index = "0", paramLabel = "USER") String user,
              @Parameters(index = "1..*", paramLabel = "ROLE") List<String> roles) {
        var found = find(user);
        var all = EnumSet.noneOf(Role.class);
        all.addAll(found.roles());
        all.addAll(roles(roles));
        print(view(users.changeRoles(found.id(), all, CliOrigin.current())), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Take roles from a user.")
    int revoke(@Parameters(index = "0", paramLabel = "USER") String user,
               @Parameters(index = "1..*", paramLabel = "ROLE") List<String> roles) {
        var found = find(user);
        var left = EnumSet.noneOf(Role.class);
        left.addAll(found.roles());
        left.removeAll(roles(roles));
        print(view(users.changeRoles(found.id(), left, CliOrigin.current())), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a user; every session ends.")
    int disable(@Parameters(paramLabel = "USER") String user) {
        print(view(users.disable(find(user).id(), CliOrigin.current())), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a user again.")
    int enable(@Parameters(paramLabel = "USER") String user) {
        print(view(users.enable(find(user).id(), CliOrigin.current())), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Set a new password (read from standard input); every session ends.")
    int resetPassword(@Parameters(paramLabel = "USER") String user) {
        var reset = users.resetPassword(find(user).id(), passwordFromStdin(), CliOrigin.current());
        print(view(reset), Views.USER_COLUMNS);
        return 0;
    }

    private User find(String user) {
        try {
            return users.get(UUID.fromString(user));
        } catch (IllegalArgumentException notAnId) {
            return users.byEmail(user);
        }
    }

    private static Set<Role> roles(List<String> names) {
        var roles = EnumSet.noneOf(Role.class);
        for (var name : names) {
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw InvalidInput.of("roles", "'" + name + "' is not one of " + List.of(Role.values()));
            }
        }
        return roles;
    }

    private static char[] passwordFromStdin() {
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        } catch (IOException e) {
            throw new CliFailure(1, "cannot read the password from standard input: " + e.getMessage());
        }
    }

    static Map<String, Object> view(User u) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", u.id().toString());
        view.putAll(u.snapshot());
        view.put("createdAt", u.createdAt().toString());
        view.put("lastLoginAt", u.lastLoginAt() == null ? null : u.lastLoginAt().toString());
        return view;
    }
}
