package io.flagtrail.bootstrap;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Chooses the database before the context starts: PostgreSQL when {@code DATABASE_URL} (or Micronaut's
 * {@code DATASOURCES_DEFAULT_URL}) names one, else an embedded H2 file database under {@code ./data}.
 * It also sets the SQL dialect to match, which Micronaut Data needs to know and cannot guess.
 */
final class DatabaseSelection {

    static final String EMBEDDED_URL =
            "jdbc:h2:file:./data/flagtrail;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            // closed with the connection pool when the context stops, not by H2's own shutdown hook while the
            // background workers are still finishing their round
            + ";DB_CLOSE_ON_EXIT=FALSE";

    private DatabaseSelection() {
    }

    static Map<String, Object> defaults(Map<String, String> env, Properties system) {
        String url = first(system.getProperty("datasources.default.url"), env.get("DATASOURCES_DEFAULT_URL"),
                env.get("DATABASE_URL"));
        Map<String, Object> props = new HashMap<>();
        if (url == null || url.isBlank()) {
            url = EMBEDDED_URL;
            props.put("datasources.default.username", "sa");
            props.put("datasources.default.password", "");
        } else {
            url = jdbcUrl(url.strip());
            if (!url.startsWith("jdbc:postgresql://") && !url.startsWith("jdbc:h2:")) {
                // the value may hold a password: name only its start
                throw new IllegalStateException("DATABASE_URL must look like jdbc:postgresql://host:5432/db or "
                        + "postgres://user:password@host:5432/db (it starts with '"
                        + url.substring(0, Math.min(url.length(), 12)) + "…')");
            }
            putIfPresent(props, "datasources.default.username", env.get("DATABASE_USER"));
            putIfPresent(props, "datasources.default.password", env.get("DATABASE_PASSWORD"));
        }
        props.put("datasources.default.url", url);
        if (system.getProperty("datasources.default.dialect") == null && env.get("DATASOURCES_DEFAULT_DIALECT") == null) {
            props.put("datasources.default.dialect", url.startsWith("jdbc:h2:") ? "H2" : "POSTGRES");
        }
        return props;
    }

    /** Accepts the {@code postgres://user:password@host:port/db} form many platforms hand out. */
    static String jdbcUrl(String url) {
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            return url;
        }
        var uri = URI.create(url);
        var jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(uri.getRawPath());
        var info = uri.getUserInfo();
        if (info != null) {
            var parts = info.split(":", 2);
            jdbc.append("?user=").append(parts[0]);
            if (parts.length > 1) {
                jdbc.append("&password=").append(parts[1]);
            }
        }
        return jdbc.toString();
    }

    private static String first(String... values) {
        for (var value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static void putIfPresent(Map<String, Object> props, String key, String value) {
        if (value != null) {
            props.put(key, value);
        }
    }
}
