package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.security.token.RolesFinder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HierarchicalRolesFinderTest {

    @Test
    void by_default_admin_includes_editor_which_includes_viewer_and_auditor_stands_apart() {
        try (var context = ApplicationContext.run(Map.of("micronaut.security.enabled", true))) {
            var roles = context.getBean(RolesFinder.class);

            assertEquals(Set.of("ADMIN", "EDITOR", "VIEWER"), Set.copyOf(roles.resolveRoles(Map.of("roles", List.of("ADMIN")))));
            assertEquals(Set.of("EDITOR", "VIEWER"), Set.copyOf(roles.resolveRoles(Map.of("roles", List.of("EDITOR")))));
            assertEquals(Set.of("AUDITOR"), Set.copyOf(roles.resolveRoles(Map.of("roles", List.of("AUDITOR")))));
            assertEquals(List.of(), roles.resolveRoles(Map.of()));
        }
    }

    @Test
    void the_hierarchy_comes_from_configuration() {
        try (var context = ApplicationContext.run(Map.of(
                "flagtrail.security.role-hierarchy.ADMIN", List.of("EDITOR", "AUDITOR"),
                "flagtrail.security.role-hierarchy.EDITOR", List.of("VIEWER")))) {
            var roles = context.getBean(RolesFinder.class);

            assertEquals(Set.of("ADMIN", "EDITOR", "VIEWER", "AUDITOR"),
                    Set.copyOf(roles.resolveRoles(Map.of("roles", List.of("ADMIN")))));
        }
    }
}
