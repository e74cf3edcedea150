package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.Set;

/**
 * With CLI_AUTH_REQUIRED=true, a command runs only with an API key in FLAGTRAIL_API_KEY that holds the scope the
 * command needs (what a scope includes is {@link ApiKeyScope}'s); the run is then recorded as the key's.
 */
final class CliAuthorization {

    /** The scope each command needs when CLI_AUTH_REQUIRED=true; commands missing here need an administrator. */
    private static final Map<String, ApiKeyScope> SCOPES = Map.ofEntries(
            Map.entry("features list", ApiKeyScope.FEATURES_READ), Map.entry("features get", ApiKeyScope.FEATURES_READ),
            Map.entry("features history", ApiKeyScope.FEATURES_READ),
            Map.entry("features export", ApiKeyScope.FEATURES_READ),
            Map.entry("features create", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features update", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features enable", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features disable", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features delete", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features restore", ApiKeyScope.FEATURES_WRITE),
            Map.entry("features import", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests list", ApiKeyScope.FEATURES_READ),
            Map.entry("change-requests show", ApiKeyScope.FEATURES_READ),
            Map.entry("change-requests propose", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests submit", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests withdraw", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests apply", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests schedule", ApiKeyScope.FEATURES_WRITE),
            Map.entry("change-requests cancel", ApiKeyScope.FEATURES_WRITE),
            Map.entry("audit list", ApiKeyScope.AUDIT_READ), Map.entry("audit export", ApiKeyScope.AUDIT_READ),
            Map.entry("audit verify", ApiKeyScope.AUDIT_READ),
            Map.entry("audit prove-inclusion", ApiKeyScope.AUDIT_READ),
            Map.entry("audit prove-consistency", ApiKeyScope.AUDIT_READ));
    /** Commands that show state only and need a valid key of any scope. */
    private static final Set<String> ANY_KEY = Set.of("status", "db info", "db partitions");

    private CliAuthorization() {
    }

    /**
     * With CLI_AUTH_REQUIRED=true: the key in FLAGTRAIL_API_KEY must be valid and hold the command's scope; answers
     * why not, or null when the command may run.
     */
    static String refusal(ApplicationContext context, String command) {
        String secret = context.getProperty("flagtrail.cli.api-key", String.class).orElse("");
        if (secret.isBlank()) {
            return "CLI_AUTH_REQUIRED=true: set FLAGTRAIL_API_KEY to an API key with the command's scope";
        }
        ApiKeyScope scope = SCOPES.get(command);
        if (scope == null && !ANY_KEY.contains(command)) {
            return "'" + command + "' needs an administrator and cannot run with an API key (CLI_AUTH_REQUIRED=true)";
        }
        try {
            var key = context.getBean(AuthenticateApiKeyUseCase.class).authenticate(secret);
            if (scope != null && !ApiKeyScope.anyIncludes(key.scopes(), scope)) {
                return "FLAGTRAIL_API_KEY lacks the scope " + scope.value() + " that '" + command + "' needs";
            }
            CliOrigin.authenticatedWith(key.name());
            return null;
        } catch (io.flagtrail.domain.error.Unauthenticated e) {
            return "FLAGTRAIL_API_KEY is not a valid API key";
        }
    }
}
