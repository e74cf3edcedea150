package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.UserAccountUseCases.CreateUserCommand;
import io.flagtrail.application.port.in.UserAccountUseCases.ManageUsersUseCase;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
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
               @Option(names = "--roles", split = ",", description = "global roles, e.g. EDITOR or VIEWER,AUDITOR")
               List<String> roles,
               @Option(names = "--grants", split = ",", description = "roles in a project or environment, e.g. "
                       + "EDITOR@web/development,VIEWER@web") List<String> grants) {
        var created = users.create(new CreateUserCommand(email, name, roles(roles == null ? List.of() : roles),
                Grant.parseAll(grants), passwordFromStdin(), CliOrigin.current()));
        print(view(created), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "grant", mixinStandardHelpOptions = true,
            description = "Add roles to a user: global (EDITOR) or in a project or environment (EDITOR@web/development).")
    int grant(@Parameters(index = "0", paramLabel = "USER") String user,
              @Parameters(index = "1..*", paramLabel = "ROLE") List<String> named) {
        var found = find(user);
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(found.roles());
        roles.addAll(roles(globalIn(named)));
        var grants = new HashSet<>(found.grants());
        grants.addAll(Grant.parseAll(scopedIn(named)));
        print(view(change(found, roles, grants)), Views.USER_COLUMNS);
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Take roles from a user: global (EDITOR) or in a project or environment (EDITOR@web).")
    int revoke(@Parameters(index = "0", paramLabel = "USER") String user,
               @Parameters(index = "1..*", paramLabel = "ROLE") List<String> named) {
        var found = find(user);
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(found.roles());
        roles.removeAll(roles(globalIn(named)));
        var grants = new HashSet<>(found.grants());
        grants.removeAll(Grant.parseAll(scopedIn(named)));
        print(view(change(found, roles, grants)), Views.USER_COLUMNS);
        return 0;
    }

    /**
     * Grants first when some are added (the account always keeps a role or a grant, and a user given only grants
     * would otherwise lose their last role first), roles first when grants go; each use case records its own change.
     */
    private User change(User user, Set<Role> roles, Set<Grant> grants) {
        var origin = CliOrigin.current();
        if (grants.containsAll(user.grants())) {
            users.changeGrants(user.id(), grants, origin);
            return users.changeRoles(user.id(), roles, origin);
        }
        users.changeRoles(user.id(), roles, origin);
        return users.changeGrants(user.id(), grants, origin);
    }

    private static List<String> globalIn(List<String> named) {
        return named.stream().filter(name -> !name.contains("@")).toList();
    }

    private static List<String> scopedIn(List<String> named) {
        return named.stream().filter(name -> name.contains("@")).toList();
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
        return Role.parseAll("roles", names);
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
