package io.flagtrail.domain.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An entry's place follows from what it records, subject type by subject type. */
class AuditPlaceTest {

    @Test
    void a_features_place_is_the_one_its_snapshots_name_and_before_projects_default_production() {
        var feature = new Subject("feature", "id", "checkout");
        assertEquals(new AuditPlace("web", "staging"), AuditPlace.of(feature, AuditAction.FEATURE_UPDATED,
                Map.of("project", "web", "environment", "staging"), Map.of("project", "web", "environment", "staging")));
        assertEquals(new AuditPlace("web", "staging"), AuditPlace.of(feature, AuditAction.FEATURE_DELETED,
                Map.of("project", "web", "environment", "staging"), null), "a snapshot before, none after");
        assertEquals(AuditPlace.BEFORE_PROJECTS, AuditPlace.of(feature, AuditAction.FEATURE_CREATED, null,
                Map.of("key", "checkout", "enabled", true)), "written before projects");
    }

    @Test
    void an_environments_place_is_its_subject_key_and_a_projects_its_key() {
        assertEquals(new AuditPlace("web", "qa"), AuditPlace.of(new Subject("environment", "id", "web/qa"),
                AuditAction.ENVIRONMENT_CREATED, null, Map.of("key", "qa")));
        assertEquals(new AuditPlace("web", null), AuditPlace.of(new Subject("project", "id", "web"),
                AuditAction.PROJECT_CREATED, null, Map.of("key", "web")));
    }

    @Test
    void a_grants_place_is_the_one_grant_its_snapshots_differ_by_and_other_entries_have_none() {
        var user = new Subject("user", "id", "dev@example.com");
        assertEquals(new AuditPlace("web", "development"), AuditPlace.of(user, AuditAction.ROLE_GRANTED,
                Map.of("grants", List.of("VIEWER@web")), Map.of("grants", List.of("EDITOR@web/development", "VIEWER@web"))));
        assertEquals(new AuditPlace("web", null), AuditPlace.of(user, AuditAction.ROLE_REVOKED,
                Map.of("grants", List.of("VIEWER@web")), Map.of("roles", List.of("VIEWER"))));
        assertNull(AuditPlace.of(user, AuditAction.ROLE_GRANTED, Map.of("roles", List.of("VIEWER")),
                Map.of("roles", List.of("EDITOR", "VIEWER"))), "a global role has no place");
        assertNull(AuditPlace.of(user, AuditAction.USER_CREATED, null, Map.of("grants", List.of("EDITOR@web"))));
        assertNull(AuditPlace.of(new Subject("audit-trail", "all", null), AuditAction.AUDIT_QUERIED, null, Map.of()));
    }
}
