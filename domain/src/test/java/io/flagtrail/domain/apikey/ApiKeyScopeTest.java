package io.flagtrail.domain.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyScopeTest {

    @Test
    void each_scope_acts_as_its_authority() {
        assertEquals(List.of("VIEWER", "EDITOR", "EVALUATE", "AUDITOR"),
                EnumSet.allOf(ApiKeyScope.class).stream().map(ApiKeyScope::authority).toList());
    }

    /** The model both the API (through the role hierarchy) and the CLI apply: writing includes reading, nothing else. */
    @Test
    void writing_features_includes_reading_them_and_no_scope_includes_another() {
        assertTrue(ApiKeyScope.FEATURES_WRITE.includes(ApiKeyScope.FEATURES_READ));
        assertFalse(ApiKeyScope.FEATURES_READ.includes(ApiKeyScope.FEATURES_WRITE));
        for (var scope : ApiKeyScope.values()) {
            assertTrue(scope.includes(scope));
            for (var other : ApiKeyScope.values()) {
                if (other != scope && !(scope == ApiKeyScope.FEATURES_WRITE && other == ApiKeyScope.FEATURES_READ)) {
                    assertFalse(scope.includes(other), scope + " includes " + other);
                }
            }
        }
        assertTrue(ApiKeyScope.anyIncludes(Set.of(ApiKeyScope.EVALUATE, ApiKeyScope.FEATURES_WRITE), ApiKeyScope.FEATURES_READ));
        assertFalse(ApiKeyScope.anyIncludes(Set.of(ApiKeyScope.EVALUATE), ApiKeyScope.AUDIT_READ));
    }
}
