package io.flagtrail.domain.apikey;

import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.actor.Role;
import java.util.Arrays;

/**
 * What an API key may do; the names ({@code features:read} …) are a published contract. The one statement of what
 * a scope allows, for every driving adapter: {@link #authority()} names what the key acts as (the role of the same
 * name for the three that are a role's), and {@link #includes} says which scopes a scope covers (writing features
 * includes reading them, as EDITOR includes VIEWER).
 */
public enum ApiKeyScope {
    FEATURES_READ("features:read"),
    FEATURES_WRITE("features:write"),
    EVALUATE("evaluate"),
    AUDIT_READ("audit:read");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** The authority a key with this scope is granted: VIEWER, EDITOR, AUDITOR (as the roles) or EVALUATE. */
    public String authority() {
        return switch (this) {
            case FEATURES_READ -> Role.VIEWER.name();
            case FEATURES_WRITE -> Role.EDITOR.name();
            case AUDIT_READ -> Role.AUDITOR.name();
            case EVALUATE -> "EVALUATE";
        };
    }

    /** Whether a key with this scope may do what {@code needed} allows. */
    public boolean includes(ApiKeyScope needed) {
        return this == needed || (this == FEATURES_WRITE && needed == FEATURES_READ);
    }

    /** Whether keys with these scopes together may do what {@code needed} allows. */
    public static boolean anyIncludes(java.util.Collection<ApiKeyScope> scopes, ApiKeyScope needed) {
        return scopes.stream().anyMatch(scope -> scope.includes(needed));
    }

    public static ApiKeyScope of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst().orElseThrow(() ->
                InvalidInput.of("scopes", "'" + value + "' is not one of "
                        + Arrays.stream(values()).map(ApiKeyScope::value).toList()));
    }
}
