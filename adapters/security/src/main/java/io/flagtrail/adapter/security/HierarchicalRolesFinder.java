package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.env.Environment;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Expands the roles in a token through the configured hierarchy, so that {@code @Secured("VIEWER")} admits
 * an EDITOR or ADMIN. The hierarchy is configuration ({@code flagtrail.security.role-hierarchy}), read as
 * "role: roles it includes"; by default ADMIN includes EDITOR, which includes VIEWER.
 */
@Singleton
@Replaces(DefaultRolesFinder.class)
final class HierarchicalRolesFinder implements RolesFinder {

    static final String PROPERTY = "flagtrail.security.role-hierarchy";

    private final TokenConfiguration tokens;
    private final Map<String, List<String>> includes;

    HierarchicalRolesFinder(TokenConfiguration tokens, Environment environment) {
        this.tokens = tokens;
        var configured = configured(environment);
        this.includes = configured.isEmpty()
                ? Map.of("ADMIN", List.of("EDITOR"), "EDITOR", List.of("VIEWER"))
                : configured;
    }

    /** Role names are upper case whatever the configuration source did to them (environment keys are folded). */
    private static Map<String, List<String>> configured(Environment environment) {
        Map<String, List<String>> includes = new HashMap<>();
        environment.getProperties(PROPERTY).forEach((role, included) -> {
            var names = included instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : Arrays.asList(String.valueOf(included).split(","));
            includes.put(role.toUpperCase(Locale.ROOT),
                    names.stream().map(n -> n.strip().toUpperCase(Locale.ROOT)).filter(n -> !n.isEmpty()).toList());
        });
        return Map.copyOf(includes);
    }

    @Override
    public List<String> resolveRoles(Map<String, Object> attributes) {
        Object claimed = attributes == null ? null : attributes.get(tokens.getRolesName());
        if (!(claimed instanceof Collection<?> roles)) {
            return List.of();
        }
        return List.copyOf(expand(roles.stream().map(String::valueOf).toList()));
    }

    Set<String> expand(Collection<String> roles) {
        Set<String> all = new LinkedHashSet<>();
        var pending = new ArrayDeque<>(roles);
        while (!pending.isEmpty()) {
            var role = pending.pop();
            if (all.add(role)) {
                pending.addAll(includes.getOrDefault(role, List.of()));
            }
        }
        return all;
    }
}
