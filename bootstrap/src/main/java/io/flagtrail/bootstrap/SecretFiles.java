package io.flagtrail.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code <NAME>_FILE}: a setting read from a file, as Kubernetes and Docker mount secrets. The file wins over the
 * variable {@code NAME} itself (secret files > environment > configuration file > defaults); a trailing line break is
 * dropped. A variable naming a file that cannot be read stops startup with one message naming both. Only the settings
 * listed here are read this way: other programs' {@code *_FILE} variables in the environment are none of ours.
 * ({@code FLAGTRAIL_LEDGER_SIGNING_KEY_FILE} has its own meaning, a key file, and is read by the ledger signer.)
 */
final class SecretFiles {

    private static final String SUFFIX = "_FILE";
    static final java.util.Set<String> SETTINGS = java.util.Set.of("AUTH_JWT_SECRET", "AUTH_JWT_PREVIOUS_SECRETS",
            "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD", "FLAGTRAIL_ADMIN_EMAIL", "FLAGTRAIL_ADMIN_PASSWORD",
            "FLAGTRAIL_API_KEY", "FLAGTRAIL_TOKEN", "EVENTS_NATS_URL");

    private SecretFiles() {
    }

    /** The environment as the application should see it: every {@code NAME_FILE} read into {@code NAME}. */
    static Map<String, String> applied(Map<String, String> env) {
        var merged = new HashMap<>(env);
        merged.putAll(secrets(env));
        return merged;
    }

    /**
     * The secrets as context properties, which outrank the environment: under the variable's own name (for the
     * placeholders in application.yml) and its property form ({@code AUTH_JWT_SECRET} → {@code auth.jwt.secret}).
     */
    static Map<String, Object> properties(Map<String, String> env) {
        var properties = new HashMap<String, Object>();
        secrets(env).forEach((name, value) -> {
            properties.put(name, value);
            properties.put(name.toLowerCase(Locale.ROOT).replace('_', '.'), value);
        });
        return properties;
    }

    private static Map<String, String> secrets(Map<String, String> env) {
        var secrets = new HashMap<String, String>();
        for (var setting : SETTINGS) {
            String file = env.get(setting + SUFFIX);
            if (file != null && !file.isBlank()) {
                secrets.put(setting, read(setting + SUFFIX, file));
            }
        }
        return secrets;
    }

    private static String read(String variable, String file) {
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).replaceFirst("\\r?\\n$", "");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(variable + " names " + file + ", which cannot be read: " + e.getMessage());
        }
    }
}
