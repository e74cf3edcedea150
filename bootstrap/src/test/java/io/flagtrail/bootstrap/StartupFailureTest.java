package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import org.junit.jupiter.api.Test;

/** Invalid configuration stops startup, and the one line printed says which setting and why. */
class StartupFailureTest {

    @Test
    void a_short_signing_secret_is_refused_at_startup() {
        assertEquals("AUTH_JWT_SECRET must be at least 32 bytes long", failure("auth.jwt.secret", "short"));
    }

    @Test
    void an_unknown_authentication_method_is_refused_at_startup() {
        assertEquals("AUTH_METHOD must be jwt or session, was 'bogus'", failure("flagtrail.auth.method", "bogus"));
    }

    @Test
    void a_retention_that_is_no_duration_is_refused_not_taken_as_forever() {
        assertEquals("FLAGTRAIL_LEDGER_RETENTION must be a duration such as 400d or 8760h, was 'forever'",
                failure("flagtrail.ledger.retention", "forever"));
    }

    @Test
    void an_unknown_events_storage_is_refused_never_quietly_switched_off() {
        assertEquals("EVENTS_STORAGE must be fs, db, fs,db or none (file means fs), was 'fsx'",
                failure("flagtrail.events.storage", "fsx"));
    }

    @Test
    void a_malformed_number_names_the_setting_and_the_value() {
        assertEquals("setting micronaut.server.port: Unable to convert value [eighty] to target type [int]",
                failure("micronaut.server.port", "eighty"));
    }

    @Test
    void a_malformed_database_url_is_refused_before_anything_starts() {
        var refused = assertThrows(IllegalStateException.class,
                () -> DatabaseSelection.defaults(java.util.Map.of("DATABASE_URL", "mysql://u:p@h/db"), new java.util.Properties()));
        assertEquals("DATABASE_URL must look like jdbc:postgresql://host:5432/db or postgres://user:password@host:5432/db "
                + "(it starts with 'mysql://u:p@…')", refused.getMessage());
    }

    private static String failure(String property, String value) {
        var props = new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2()));
        props.put(property, value);
        var failed = assertThrows(RuntimeException.class, () -> {
            try (var server = ApplicationContext.run(EmbeddedServer.class, props)) {
                server.getApplicationContext(); // started: the setting was accepted
            }
        });
        return StartupFailure.describe(failed);
    }
}
