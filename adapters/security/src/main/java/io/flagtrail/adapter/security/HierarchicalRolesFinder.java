package io.flagtrail.adapter.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.DefaultRolesFinder;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

    private final TokenConfiguration tokens;
    private final Map<String, List<String>> includes;

    HierarchicalRolesFinder(TokenConfiguration tokens,
                            @Nullable @Value("${flagtrail.security.role-hierarchy:}") Map<String, List<String>> configured) {
        this.tokens = tokens;
        this.includes = configured == null || configured.isEmpty()
                ? Map.of("ADMIN", List.of("EDITOR"), "EDITOR", List.of("VIEWER"))
                : Map.copyOf(configured);
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
