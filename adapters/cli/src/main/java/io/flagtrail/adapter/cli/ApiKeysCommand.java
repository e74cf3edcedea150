package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flagtrail api-keys list|create|revoke}; the secret of a new key is printed once. */
@Command(name = "api-keys", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.")
final class ApiKeysCommand extends CliCommand {

    @Inject ManageApiKeysUseCase keys;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every key (never a secret).")
    int list() {
        print(keys.list().stream().map(k -> view(k, null)).toList(), Views.API_KEY_COLUMNS);
        return 0;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a key; its secret is in this output only.")
    int create(@Option(names = "--name", required = true) String name,
               @Option(names = "--scopes", required = true, split = ",",
                       description = "features:read, features:write, evaluate, audit:read") List<String> scopes,
               @Option(names = "--project", defaultValue = "default",
                       description = "The project the key is bound to (default: ${DEFAULT-VALUE}).") String project,
               @Option(names = "--env", defaultValue = "production",
                       description = "The environment it evaluates and reads (default: ${DEFAULT-VALUE}).") String env,
               @Option(names = "--expires-at", description = "RFC 3339 instant") String expiresAt) {
        var chosen = EnumSet.noneOf(ApiKeyScope.class);
        scopes.forEach(s -> chosen.add(ApiKeyScope.of(s.strip())));
        var created = keys.create(name, chosen, FeaturesCommand.scope(project, env), instant("expires-at", expiresAt),
                CliOrigin.current());
        print(view(created.key(), created.secret()));
        return 0;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key: it stops working at once.")
    int revoke(@Parameters(paramLabel = "ID") String id) {
        try {
            print(view(keys.revoke(UUID.fromString(id), CliOrigin.current()), null), Views.API_KEY_COLUMNS);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(2, "ID must be an API key id (a UUID)");
        }
        return 0;
    }

    private static Map<String, Object> view(ApiKey k, String secret) {
        var view = new LinkedHashMap<String, Object>();
        view.put("id", k.id().toString());
        view.putAll(k.snapshot());
        view.put("lastUsedAt", k.lastUsedAt() == null ? null : k.lastUsedAt().toString());
        if (secret != null) {
            view.put("secret", secret);
        }
        return view;
    }
}
