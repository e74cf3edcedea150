package io.flagtrail.domain.apikey;

import io.flagtrail.domain.error.InvalidInput;
import java.util.Arrays;

/** What an API key may do; the names ({@code features:read} …) are a published contract. */
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

    public static ApiKeyScope of(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst().orElseThrow(() ->
                InvalidInput.of("scopes", "'" + value + "' is not one of "
                        + Arrays.stream(values()).map(ApiKeyScope::value).toList()));
    }
}
